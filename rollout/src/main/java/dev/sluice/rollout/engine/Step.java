package dev.sluice.rollout.engine;

import dev.sluice.rollout.migration.MigrationVersion;
import java.time.Duration;
import java.util.Objects;

/**
 * A migration run (or, in a dry run, to be run) on a database.
 *
 * @param transactional whether it runs in one transaction
 * @param duration      how long it took; zero in a dry run
 */
public record Step(MigrationVersion version, String script, HistoryRow.Direction direction, boolean transactional,
        String transactionReason, Duration duration) {

    public Step {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(transactionReason, "transactionReason");
        Objects.requireNonNull(duration, "duration");
    }
}
