package dev.sluice.rollout.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a gate is decided on, read from the controller's state.
 *
 * @param previousEnvironment the environment before this one, if any
 * @param previousSucceededAt when the release succeeded there; empty when it has not (yet)
 * @param previousFailed      whether the release failed there
 * @param ahead               a deployment of an earlier release (or a rollback) in this environment that must finish first,
 *                            as {@code <version> <state>}
 * @param pausedBy            who paused the environment
 * @param heldBy              who put the {@code sluice/hold} label on the release's pull request
 * @param approvals           standing approvals of the release's digest for this environment
 * @param author              the release's author, who may not approve unless allowed
 * @param hasPullRequest      whether the release came from a pull request (approvals are given there)
 */
public record GateFacts(Optional<String> previousEnvironment, Optional<Instant> previousSucceededAt, boolean previousFailed,
        Optional<String> ahead, Optional<String> pausedBy, Optional<String> heldBy, List<Approval> approvals, Optional<String> author,
        boolean hasPullRequest) {

    public GateFacts {
        Objects.requireNonNull(previousEnvironment, "previousEnvironment");
        Objects.requireNonNull(previousSucceededAt, "previousSucceededAt");
        Objects.requireNonNull(ahead, "ahead");
        Objects.requireNonNull(pausedBy, "pausedBy");
        Objects.requireNonNull(heldBy, "heldBy");
        approvals = List.copyOf(approvals);
        Objects.requireNonNull(author, "author");
    }
}
