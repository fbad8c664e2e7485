package dev.sluice.rollout.pipeline;

import java.util.Objects;

/** Whether a waiting deployment may start now. */
public sealed interface GateDecision {

    /** Every condition holds: the deployment may start. */
    record Open() implements GateDecision {
    }

    /** Not yet, for the reason given (shown on the release comment and the check run). */
    record Closed(String reason) implements GateDecision {
        public Closed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
