package dev.sluice.embedded;

/** The embedded server could not be prepared, started or stopped; the message is meant for a person. */
public final class EmbeddedPostgresException extends RuntimeException {

    public EmbeddedPostgresException(String message) {
        super(message);
    }

    public EmbeddedPostgresException(String message, Throwable cause) {
        super(message, cause);
    }
}
