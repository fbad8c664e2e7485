package dev.sluice.app.api;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Query parameters, read as text and checked here so a bad value is a 400 naming the parameter
 * (Micronaut's own conversion would answer a bad number with a generic error).
 */
final class Parameters {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private Parameters() {
    }

    static Optional<String> text(@Nullable String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    static Optional<Instant> instant(String name, @Nullable String value) {
        Optional<String> text = text(value);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.get()));
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant such as 2025-01-31T12:00:00Z, not " + quote(text.get()));
        }
    }

    static Optional<Boolean> bool(String name, @Nullable String value) {
        Optional<String> text = text(value);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return switch (text.get()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw new BadRequestException(name + " must be true or false, not " + quote(text.get()));
        };
    }

    static Page page(@Nullable String limit, @Nullable String before) {
        return new Page(number("limit", limit, 1, MAX_LIMIT).map(Long::intValue).orElse(DEFAULT_LIMIT),
                number("before", before, 1, Long.MAX_VALUE));
    }

    private static Optional<Long> number(String name, @Nullable String value, long least, long most) {
        Optional<String> text = text(value);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            long number = Long.parseLong(text.get());
            if (number >= least && number <= most) {
                return Optional.of(number);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException(name + " must be a whole number " + (most == Long.MAX_VALUE ? "of at least " + least
                : "from " + least + " to " + most) + ", not " + quote(text.get()));
    }

    private static String quote(String value) {
        return "\"" + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "\"";
    }
}
