package dev.sluice.app.api;

import io.micronaut.serde.annotation.Serdeable;

/** The body of every API error: the HTTP status and what was wrong, in words (never a stack trace). */
@Serdeable
record ApiError(int status, String message) {
}
