package dev.sluice.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogFormatTest {

    @Test
    void acceptsTheTwoFormatsAndNoSetting() {
        assertThat(LogFormat.problem(null)).isEmpty();
        assertThat(LogFormat.problem("")).isEmpty();
        assertThat(LogFormat.problem("text")).isEmpty();
        assertThat(LogFormat.problem("json")).isEmpty();
    }

    @Test
    void namesAMisspeltFormatAndTheChoices() {
        assertThat(LogFormat.problem("jsno")).contains("SLUICE_LOG_FORMAT is \"jsno\": use text (the default) or json.");
        assertThat(LogFormat.problem("JSON")).isPresent();
    }
}
