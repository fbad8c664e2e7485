package dev.sluice.rollout.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({"90s, PT1M30S", "30m, PT30M", "1h, PT1H", "2d, PT48H", "1h30m, PT1H30M", "1d2h3m4s, PT26H3M4S", "0s, PT0S",
            "' 15m ', PT15M"})
    void readsDurations(String text, Duration expected) {
        assertThat(DurationText.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"90", "1x", "h", "", "1 h", "-1h", "1.5h", "1H", "PT1H", "1h30"})
    void refusesWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> DurationText.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"" + text + "\": expected a duration such as 90s, 30m, 1h, 1h30m or 2d");
    }

    @ParameterizedTest
    @ValueSource(strings = {"30m1h", "1h1h"})
    void wantsEachUnitOnceLargestFirst(String text) {
        assertThatThrownBy(() -> DurationText.parse(text))
                .hasMessage("\"" + text + "\": write each unit once, largest first (d, h, m, s), e.g. 1h30m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "90s", "30m", "1h", "1h30m", "2d", "1d2h3m4s"})
    void formatsWhatItReads(String text) {
        assertThat(DurationText.format(DurationText.parse(text))).isEqualTo(text.equals("90s") ? "1m30s" : text);
    }
}
