package dev.sluice.rollout.pipeline;

import java.time.Instant;
import java.util.Objects;

/** A standing approval: who approved which migration digest of a pull request for an environment, when and how. */
public record Approval(long id, String repository, int pullRequest, String environment, String digest, String actor,
        ApprovalSource source, Instant givenAt) {

    public Approval {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(givenAt, "givenAt");
    }
}
