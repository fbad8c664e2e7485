package dev.sluice.rollout.engine;

import dev.sluice.rollout.ErrorCode;
import dev.sluice.rollout.drift.SchemaSnapshot;
import dev.sluice.rollout.drift.SnapshotReason;
import dev.sluice.rollout.drift.TargetSnapshots;
import dev.sluice.rollout.migration.MigrationVersion;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies, rolls back and baselines migrations on one database. Every run that may change the
 * database takes its migration lock on a connection of its own, reads the database's history (the source of truth for
 * what is applied), checks the files against it before changing anything, and appends a history
 * row for every attempt. Never throws for what happens on the database: it returns an outcome.
 * A migrate run first reads the history without the lock: a database found up to date needs
 * neither the lock nor its connection (re-running a release over a fleet costs one connection per
 * database); anything else is decided again under the lock.
 */
public final class MigrationRunner {

    private final Clock clock;

    public MigrationRunner(Clock clock) {
        this.clock = clock;
    }

    /** The state of every version on the database, read-only. */
    public List<MigrationStatus> status(DatabaseTarget target, MigrationSet files) throws SQLException {
        try (Connection connection = target.connections().open("status")) {
            connection.setReadOnly(true);
            return MigrationStates.of(files, SchemaHistory.read(connection));
        }
    }

    public DatabaseOutcome migrate(DatabaseTarget target, MigrationSet files, RunSettings settings, RolloutListener listener) {
        // Up to date by a read without the lock: a no-op run costs one connection and two queries.
        // Anything else (work to do, a problem, no history yet) is decided again under the lock.
        Function<List<HistoryRow>, Optional<DatabaseOutcome>> upToDate = history -> {
            if (history.isEmpty()) {
                return Optional.empty();
            }
            List<MigrationStatus> statuses = MigrationStates.of(files, history);
            return validate(target.name(), statuses, settings).isEmpty() && pending(statuses, settings).isEmpty()
                    ? Optional.of(new DatabaseOutcome.UpToDate(target.name())) : Optional.empty();
        };
        return locked(target, settings, listener, Optional.of(upToDate), (connection, history) -> {
            List<MigrationStatus> statuses = MigrationStates.of(files, history);
            Optional<DatabaseOutcome> invalid = validate(target.name(), statuses, settings);
            if (invalid.isPresent()) {
                return invalid.get();
            }
            return recordSnapshot(connection,
                    run(target, connection, pending(statuses, settings), HistoryRow.Direction.UP, settings, listener),
                    settings, SnapshotReason.APPLY);
        });
    }

    private static List<ResolvedMigration> pending(List<MigrationStatus> statuses, RunSettings settings) {
        return statuses.stream()
                .filter(status -> status.state() == MigrationState.PENDING || status.state() == MigrationState.FAILED
                        || status.state() == MigrationState.OUT_OF_ORDER && settings.allowOutOfOrder())
                .filter(status -> settings.target().map(to -> status.version().compareTo(to) <= 0).orElse(true))
                .map(status -> status.file().orElseThrow())
                .toList();
    }

    /** Applies the down scripts of every applied version newer than {@code to}, newest first. */
    public DatabaseOutcome rollback(DatabaseTarget target, MigrationSet files, MigrationVersion to, RunSettings settings,
            RolloutListener listener) {
        return locked(target, settings, listener, (connection, history) -> {
            List<MigrationStatus> applied = MigrationStates.of(files, history).stream()
                    .filter(status -> status.state() == MigrationState.APPLIED && status.version().compareTo(to) > 0)
                    .sorted(Comparator.comparing(MigrationStatus::version).reversed())
                    .toList();
            List<String> missing = applied.stream().filter(status -> files.down(status.version()).isEmpty())
                    .map(status -> "no down script for " + status.script() + " (expected U" + status.version() + "__"
                            + status.description().replace(' ', '_') + ".sql or a .down.sql file)")
                    .toList();
            if (!missing.isEmpty()) {
                return new DatabaseOutcome.Invalid(target.name(), missing, ErrorCode.MISSING_FILE);
            }
            List<ResolvedMigration> downs = applied.stream().map(status -> files.down(status.version()).orElseThrow()).toList();
            return recordSnapshot(connection, run(target, connection, downs, HistoryRow.Direction.DOWN, settings, listener),
                    settings, SnapshotReason.APPLY);
        });
    }

    /** Marks a database that Sluice never migrated as being at {@code version}: that version and every one before it count as applied. */
    public DatabaseOutcome baseline(DatabaseTarget target, MigrationVersion version, RunSettings settings, RolloutListener listener) {
        return locked(target, settings, listener, (connection, history) -> {
            if (history.stream().anyMatch(HistoryRow::success)) {
                return new DatabaseOutcome.Invalid(target.name(), List.of("the database already has Sluice history ("
                        + history.size() + " rows); baseline is for a database Sluice has never migrated"), ErrorCode.INVALID_INPUT);
            }
            Step step = new Step(version, HistoryRow.BASELINE_SCRIPT, HistoryRow.Direction.UP, true, "", Duration.ZERO);
            if (!settings.dryRun()) {
                SchemaHistory.append(connection, new HistoryRow(0, version.text(), "baseline", HistoryRow.BASELINE_SCRIPT, "none",
                        HistoryRow.Direction.UP, settings.release(), settings.environment(), settings.installedBy(),
                        clock.instant(), 0, true));
            }
            return settings.dryRun() ? new DatabaseOutcome.Planned(target.name(), List.of(step))
                    : recordSnapshot(connection, new DatabaseOutcome.Migrated(target.name(), List.of(step)), settings,
                            SnapshotReason.BASELINE);
        });
    }

    @FunctionalInterface
    interface LockedWork {
        DatabaseOutcome run(Connection connection, List<HistoryRow> history) throws SQLException;
    }

    /** Connects, takes the migration lock, reads the history, does the work, and lets go of everything. */
    DatabaseOutcome locked(DatabaseTarget target, RunSettings settings, RolloutListener listener, LockedWork work) {
        return locked(target, settings, listener, Optional.empty(), work);
    }

    /**
     * As above; when {@code settled} is given, it first sees the history read on the work connection
     * alone, and when it returns an outcome, that is the outcome: no lock connection, no lock.
     */
    private DatabaseOutcome locked(DatabaseTarget target, RunSettings settings, RolloutListener listener,
            Optional<Function<List<HistoryRow>, Optional<DatabaseOutcome>>> settled, LockedWork work) {
        listener.databaseStarted(target.name());
        DatabaseOutcome outcome;
        try (Connection connection = target.connections().open("migrate")) {
            Optional<DatabaseOutcome> early = settled.isPresent() ? settled.get().apply(SchemaHistory.read(connection))
                    : Optional.empty();
            if (early.isPresent()) {
                outcome = early.get();
            } else {
                try (Connection lockConnection = target.connections().open("lock")) {
                    MigrationLock.Result lock = MigrationLock.acquire(lockConnection, settings.lockWait());
                    if (lock.attempt() instanceof LockAttempt.Busy busy) {
                        outcome = new DatabaseOutcome.Locked(target.name(), busy);
                    } else {
                        try (MigrationLock held = lock.lock().orElseThrow()) {
                            if (!settings.dryRun()) {
                                SchemaHistory.ensure(connection);
                            }
                            outcome = work.run(connection, SchemaHistory.read(connection));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            outcome = new DatabaseOutcome.Unreachable(target.name(), describe(e));
        }
        listener.databaseFinished(outcome);
        return outcome;
    }

    /**
     * After a run that changed the database, records its schema for drift detection: still under the
     * migration lock, so no other run changes it in between. Best effort: the migrations are
     * committed whatever happens here, so a failure is a warning on the outcome, not a failed run
     * (the next drift check then compares against the previous snapshot, or finds none).
     */
    private DatabaseOutcome recordSnapshot(Connection connection, DatabaseOutcome outcome, RunSettings settings,
            SnapshotReason reason) {
        if (!(outcome instanceof DatabaseOutcome.Migrated migrated) || migrated.steps().isEmpty() || settings.dryRun()) {
            return outcome;
        }
        try {
            TargetSnapshots.record(connection, SchemaSnapshot.read(connection), reason, settings.release(), settings.environment(),
                    settings.installedBy(), clock.instant());
            return migrated;
        } catch (SQLException | RuntimeException e) {
            String message = e instanceof SQLException sql ? describe(sql) : e.toString();
            return migrated.withWarning("the schema snapshot for drift detection was not recorded: " + message);
        }
    }

    private static Optional<DatabaseOutcome> validate(String database, List<MigrationStatus> statuses, RunSettings settings) {
        List<String> problems = new ArrayList<>();
        ErrorCode code = null;
        for (MigrationStatus status : statuses) {
            switch (status.state()) {
                case CHECKSUM_MISMATCH -> {
                    problems.add(status.script() + " was changed after it was applied (applied " + status.latest().orElseThrow().checksum()
                            + ", file now " + status.file().orElseThrow().checksum() + "); applied migrations are immutable:"
                            + " restore the file and put the change in a new migration");
                    code = code == null ? ErrorCode.CHECKSUM_MISMATCH : code;
                }
                case MISSING_FILE -> {
                    problems.add("version " + status.version() + " (" + status.script() + ") is applied but its file is gone;"
                            + " restore it");
                    code = code == null ? ErrorCode.MISSING_FILE : code;
                }
                case OUT_OF_ORDER -> {
                    if (!settings.allowOutOfOrder()) {
                        problems.add(status.script() + " is new but below the highest applied version; rename it to a higher"
                                + " version, or allow out-of-order migrations");
                        code = code == null ? ErrorCode.OUT_OF_ORDER : code;
                    }
                }
                case PENDING, APPLIED, FAILED, FUTURE, BELOW_BASELINE -> {
                }
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(new DatabaseOutcome.Invalid(database, problems, code));
    }

    private DatabaseOutcome run(DatabaseTarget target, Connection connection, List<ResolvedMigration> migrations,
            HistoryRow.Direction direction, RunSettings settings, RolloutListener listener) throws SQLException {
        if (migrations.isEmpty()) {
            return new DatabaseOutcome.UpToDate(target.name());
        }
        if (settings.dryRun()) {
            return new DatabaseOutcome.Planned(target.name(), migrations.stream()
                    .map(migration -> new Step(migration.version(), migration.script(), direction, migration.transactional(),
                            migration.transactionReason(), Duration.ZERO))
                    .toList());
        }
        List<Step> done = new ArrayList<>();
        for (ResolvedMigration migration : migrations) {
            Optional<DatabaseOutcome.Failed> failure = runWithRetries(target, connection, migration, direction, settings, done);
            if (failure.isPresent()) {
                return failure.get();
            }
            listener.stepFinished(target.name(), done.getLast());
        }
        return new DatabaseOutcome.Migrated(target.name(), done);
    }

    private Optional<DatabaseOutcome.Failed> runWithRetries(DatabaseTarget target, Connection connection,
            ResolvedMigration migration, HistoryRow.Direction direction, RunSettings settings, List<Step> done) throws SQLException {
        Duration backoff = settings.retryBackoff();
        for (int attempt = 0; ; attempt++) {
            Instant started = clock.instant();
            long startNanos = System.nanoTime();
            try {
                ScriptExecutor.run(connection, migration, settings, row(migration, direction, settings, started, 0, true));
                Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
                done.add(new Step(migration.version(), migration.script(), direction, migration.transactional(),
                        migration.transactionReason(), took));
                return Optional.empty();
            } catch (ScriptExecutor.StatementFailure failure) {
                long ms = (System.nanoTime() - startNanos) / 1_000_000;
                recordFailure(target, connection, row(migration, direction, settings, started, ms, false));
                boolean lockTimeout = "55P03".equals(failure.sqlState);
                if (lockTimeout && attempt < settings.lockRetries()) {
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2);
                    continue;
                }
                ErrorCode code = lockTimeout ? ErrorCode.LOCK_TIMEOUT : ErrorCode.MIGRATION_FAILED;
                String message = failure.getMessage() + (lockTimeout ? " (lock_timeout, after " + (attempt + 1) + " attempts)" : "");
                return Optional.of(new DatabaseOutcome.Failed(target.name(), done, migration.script(), failure.line,
                        failure.sqlState, message, code));
            }
        }
    }

    private HistoryRow row(ResolvedMigration migration, HistoryRow.Direction direction, RunSettings settings, Instant at,
            long executionMs, boolean success) {
        return new HistoryRow(0, migration.version().text(), migration.description(), migration.script(),
                migration.checksum().value(), direction, settings.release(), settings.environment(), settings.installedBy(),
                at, executionMs, success);
    }

    /** The failure row goes in on its own; if the work connection broke, on a fresh one. */
    private static void recordFailure(DatabaseTarget target, Connection connection, HistoryRow row) throws SQLException {
        try {
            if (!connection.isClosed() && connection.isValid(5)) {
                connection.setAutoCommit(true);
                SchemaHistory.append(connection, row);
                return;
            }
        } catch (SQLException ignored) {
            // try a fresh connection below
        }
        try (Connection fresh = target.connections().open("record failure")) {
            SchemaHistory.append(fresh, row);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String describe(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return (e.getSQLState() == null ? "" : "SQLSTATE " + e.getSQLState() + ": ") + message;
    }
}
