package dev.sluice.review;

import java.util.Locale;
import java.util.Optional;

/** A per-rule override in sluice.yaml: a severity, or off. */
public enum RuleLevel {
    ERROR, WARNING, INFO, OFF;

    public Optional<Severity> severity() {
        return switch (this) {
            case ERROR -> Optional.of(Severity.ERROR);
            case WARNING -> Optional.of(Severity.WARNING);
            case INFO -> Optional.of(Severity.INFO);
            case OFF -> Optional.empty();
        };
    }

    public static Optional<RuleLevel> parse(String text) {
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
