package dev.sluice.review;

import java.util.Locale;

/** How much a finding matters. Errors fail the review (exit code 1, a failed check run). */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
