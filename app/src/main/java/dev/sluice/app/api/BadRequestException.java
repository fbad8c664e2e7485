package dev.sluice.app.api;

/** A request the API cannot answer as asked: a parameter with a bad value, or one missing. Answered with 400. */
final class BadRequestException extends RuntimeException {

    BadRequestException(String message) {
        super(message, null, false, false); // the message is the whole story: no stack trace to fill in
    }
}
