package dev.sluice.rollout.config;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in {@code sluice.yaml}: {@code 90s}, {@code 30m}, {@code 1h},
 * {@code 2d}, or parts together from the largest unit down ({@code 1h30m}). A day is 24 hours: a
 * soak measures elapsed time, not calendar days.
 */
public final class DurationText {

    private static final Pattern PART = Pattern.compile("(\\d{1,9})([dhms])");
    private static final String UNITS = "dhms";
    private static final String EXPECTED = "expected a duration such as 90s, 30m, 1h, 1h30m or 2d";

    private DurationText() {
    }

    /** Reads the text; an {@link IllegalArgumentException} quotes it and says what was expected. */
    public static Duration parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        Matcher part = PART.matcher(trimmed);
        Duration total = Duration.ZERO;
        int position = 0;
        int lastUnit = -1;
        while (position < trimmed.length()) {
            if (!part.find(position) || part.start() != position) {
                throw new IllegalArgumentException(quote(text) + ": " + EXPECTED);
            }
            int unit = UNITS.indexOf(part.group(2));
            if (unit <= lastUnit) { // 30m1h or 1h1h: almost certainly a typo
                throw new IllegalArgumentException(quote(text) + ": write each unit once, largest first (d, h, m, s), e.g. 1h30m");
            }
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            });
            lastUnit = unit;
            position = part.end();
        }
        if (position == 0) {
            throw new IllegalArgumentException(quote(text) + ": " + EXPECTED);
        }
        return total;
    }

    /** The shortest text {@link #parse} reads back as the same duration ({@code 1h30m}, {@code 0s}). */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a negative duration has no text: " + duration);
        }
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        long[] sizes = {86_400, 3_600, 60, 1};
        for (int i = 0; i < sizes.length; i++) {
            if (seconds >= sizes[i]) {
                text.append(seconds / sizes[i]).append(UNITS.charAt(i));
                seconds %= sizes[i];
            }
        }
        return text.toString();
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
