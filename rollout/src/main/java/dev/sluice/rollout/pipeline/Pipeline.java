package dev.sluice.rollout.pipeline;

import dev.sluice.rollout.config.TargetConfig;
import dev.sluice.rollout.controller.Transactions;
import dev.sluice.rollout.release.Release;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Skeleton: the promotion engine (being written). */
public final class Pipeline {

    public Pipeline(Transactions transactions, Map<String, TargetConfig> targets, Clock clock) {
    }

    /** One pass: opens the gates that can open, then runs every deployment that is ready (or was orphaned by a crash). */
    public int advance() {
        throw new UnsupportedOperationException("being written");
    }

    public CommandOutcome deploy(Release release, String environment, String actor) {
        throw new UnsupportedOperationException("being written");
    }

    public CommandOutcome retry(Release release, String environment, Optional<String> targetOrDatabase, String actor) {
        throw new UnsupportedOperationException("being written");
    }

    public CommandOutcome rollback(Release release, String environment, Optional<String> toVersion, String actor) {
        throw new UnsupportedOperationException("being written");
    }

    public CommandOutcome pause(String repository, String environment, String actor) {
        throw new UnsupportedOperationException("being written");
    }

    public CommandOutcome resume(String repository, String environment, String actor) {
        throw new UnsupportedOperationException("being written");
    }
}
