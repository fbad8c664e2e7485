package dev.sluice.app;

import java.util.Optional;
import java.util.Set;

/**
 * Checks {@code SLUICE_LOG_FORMAT} before anything logs. logback.xml picks the appender by that
 * name, and an unknown name would leave the controller running with no log at all.
 */
public final class LogFormat {

    private static final Set<String> FORMATS = Set.of("text", "json");

    private LogFormat() {
    }

    /** Why the value cannot be used, or empty when it is unset or known. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isEmpty() || FORMATS.contains(value)) {
            return Optional.empty();
        }
        return Optional.of("SLUICE_LOG_FORMAT is \"" + value + "\": use text (the default) or json.");
    }
}
