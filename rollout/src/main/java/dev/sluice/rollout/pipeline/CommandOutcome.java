package dev.sluice.rollout.pipeline;

import java.util.Objects;

/** The answer to a pipeline command, in words for the person who gave it. */
public sealed interface CommandOutcome {

    String message();

    /** Done, or started: the pipeline carries on from here. */
    record Accepted(String message) implements CommandOutcome {
        public Accepted {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Nothing was done, for the reason given. */
    record Refused(String message) implements CommandOutcome {
        public Refused {
            Objects.requireNonNull(message, "message");
        }
    }
}
