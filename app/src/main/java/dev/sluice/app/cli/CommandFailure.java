package dev.sluice.app.cli;

/**
 * A failure the user can act on: printed as one line ({@code sluice: <message>}), never with a
 * stack trace, and the process exits with {@link #exitCode()}.
 */
public final class CommandFailure extends RuntimeException {

    private final int exitCode;

    public CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CommandFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
