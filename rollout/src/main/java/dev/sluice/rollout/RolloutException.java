package dev.sluice.rollout;

import java.util.Objects;

/** The one root of the engine's errors: a code for programs, a message naming the file or target for people. */
public class RolloutException extends RuntimeException {

    private final ErrorCode code;

    public RolloutException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public RolloutException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
