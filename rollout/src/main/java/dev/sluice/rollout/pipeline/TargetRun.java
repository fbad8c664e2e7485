package dev.sluice.rollout.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One database of a deployment.
 *
 * @param database the database of a group, or empty for a single-database target
 * @param versions versions applied (or rolled back) there by this deployment
 * @param detail   the failure, or why nothing ran
 */
public record TargetRun(String target, String database, int ordinal, TargetRunState state, List<String> versions, String detail,
        int attempts, Optional<Duration> duration) {

    public TargetRun {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(state, "state");
        versions = List.copyOf(versions);
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(duration, "duration");
    }

    /** How users name it: the target, or target/database for a member of a group. */
    public String label() {
        return database.isEmpty() ? target : target + "/" + database;
    }
}
