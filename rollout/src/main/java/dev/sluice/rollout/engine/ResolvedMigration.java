package dev.sluice.rollout.engine;

import dev.sluice.rollout.migration.Checksum;
import dev.sluice.rollout.migration.MigrationFileName;
import dev.sluice.rollout.migration.MigrationVersion;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A migration file as found on disk (or in a release): version, direction, checksum, and how it will
 * run, which statements it holds and whether they share one transaction.
 *
 * @param text              the file as read
 * @param transactionReason why it cannot run in one transaction; empty when it can
 * @param lockTimeout       from {@code -- sluice:lock-timeout}, when the file sets one
 * @param statementTimeout  from {@code -- sluice:statement-timeout}, when the file sets one
 */
public record ResolvedMigration(
        MigrationVersion version,
        String description,
        String script,
        MigrationFileName.Direction direction,
        Checksum checksum,
        String text,
        List<ScriptStatement> statements,
        boolean transactional,
        String transactionReason,
        Optional<Duration> lockTimeout,
        Optional<Duration> statementTimeout) {

    public ResolvedMigration {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(text, "text");
        statements = List.copyOf(statements);
        Objects.requireNonNull(transactionReason, "transactionReason");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
    }
}
