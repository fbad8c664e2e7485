package dev.sluice.rollout.pipeline;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A release in one environment: its deploy, or a rollback asked for later.
 *
 * @param reason  why it waits or how it failed, in words shown to users; empty otherwise
 * @param attempt 1, then one more for every retry (a finished GitHub check run cannot be reopened,
 *                so each attempt gets its own)
 */
public record Deployment(long id, long releaseId, String environment, int position, DeploymentKind kind, Optional<String> toVersion,
        DeploymentState state, String reason, String requestedBy, Instant createdAt, Optional<Instant> startedAt,
        Optional<Instant> finishedAt, int attempt) {

    public Deployment {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(toVersion, "toVersion");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1");
        }
    }
}
