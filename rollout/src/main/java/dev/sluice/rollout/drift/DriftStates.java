package dev.sluice.rollout.drift;

import dev.sluice.rollout.controller.AuditEntry;
import dev.sluice.rollout.controller.AuditLog;
import dev.sluice.rollout.controller.Outbox;
import dev.sluice.rollout.controller.OutboxKind;
import dev.sluice.rollout.controller.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of the last drift check of each target database ({@code sluice.drift_state}). When a
 * database starts drifting, its drift changes, or it stops, the change is audited and the GitHub
 * issue about it is refreshed through the outbox (opened, updated, closed).
 */
public final class DriftStates {

    /** The last check of one target database. */
    public record DriftState(String target, String database, Optional<String> repository, Instant checkedAt, boolean drifted,
            int differences, String report, Optional<Instant> since) {
        public DriftState {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(checkedAt, "checkedAt");
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(since, "since");
        }

        public String label() {
            return database.isEmpty() ? target : target + "/" + database;
        }
    }

    private final Transactions transactions;

    public DriftStates(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Records a check; returns whether the drift changed (started, changed or ended). */
    public boolean record(String target, String database, Optional<String> repository, Drift drift, Instant now) {
        String report = drift.describe();
        return transactions.inTransaction(connection -> {
            // Replicas check the same databases: one at a time per database, so a change is audited
            // and reported once, by whichever replica saw it first.
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtext('sluice.drift_state'), hashtext(? || '/' || ?))")) {
                lock.setString(1, target);
                lock.setString(2, database);
                lock.execute();
            }
            Optional<DriftState> before = state(connection, target, database);
            boolean changed = before.map(state -> state.drifted() != drift.drifted() || !state.report().equals(report))
                    .orElse(drift.drifted());
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO sluice.drift_state (target, database, repository, checked_at, drifted, differences, report, since)
                    VALUES (?, ?, ?, ?, ?, ?, ?, CASE WHEN ? THEN ?::timestamptz END)
                    ON CONFLICT (target, database) DO UPDATE SET repository = coalesce(EXCLUDED.repository, sluice.drift_state.repository),
                        checked_at = EXCLUDED.checked_at, drifted = EXCLUDED.drifted, differences = EXCLUDED.differences,
                        report = EXCLUDED.report,
                        since = CASE WHEN NOT EXCLUDED.drifted THEN NULL
                                     WHEN sluice.drift_state.drifted THEN sluice.drift_state.since ELSE EXCLUDED.since END""")) {
                upsert.setString(1, target);
                upsert.setString(2, database);
                upsert.setString(3, repository.orElse(null));
                upsert.setTimestamp(4, Timestamp.from(now));
                upsert.setBoolean(5, drift.drifted());
                upsert.setInt(6, drift.differences().size());
                upsert.setString(7, report);
                upsert.setBoolean(8, drift.drifted());
                upsert.setTimestamp(9, Timestamp.from(now));
                upsert.executeUpdate();
            }
            if (changed) {
                String label = database.isEmpty() ? target : target + "/" + database;
                String action = !drift.drifted() ? "drift-resolved" : before.map(DriftState::drifted).orElse(false) ? "drift-changed"
                        : "drift-detected";
                AuditLog.append(connection, new AuditEntry("sluice", action, repository, Optional.empty(), Optional.empty(),
                        Optional.of(label), drift.drifted() ? drift.differences().size() + " differences" : "the schema is as recorded again"));
                Optional<String> issueRepository = repository.or(() -> before.flatMap(DriftState::repository));
                if (issueRepository.isPresent()) {
                    Outbox.enqueue(connection, issueRepository.get(), installation(connection, issueRepository.get()),
                            OutboxKind.DRIFT_ISSUE, target + "/" + database, "");
                }
            }
            return changed;
        });
    }

    public Optional<DriftState> state(String target, String database) {
        return transactions.inTransaction(connection -> state(connection, target, database));
    }

    public List<DriftState> all() {
        return transactions.inTransaction(connection -> {
            List<DriftState> states = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(SELECT + " ORDER BY target, database");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    states.add(read(rows));
                }
            }
            return states;
        });
    }

    private static final String SELECT = """
            SELECT target, database, repository, checked_at, drifted, differences, report, since FROM sluice.drift_state""";

    private static Optional<DriftState> state(java.sql.Connection connection, String target, String database) throws java.sql.SQLException {
        try (PreparedStatement query = connection.prepareStatement(SELECT + " WHERE target = ? AND database = ?")) {
            query.setString(1, target);
            query.setString(2, database);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    private static DriftState read(ResultSet row) throws java.sql.SQLException {
        Timestamp since = row.getTimestamp(8);
        return new DriftState(row.getString(1), row.getString(2), Optional.ofNullable(row.getString(3)), row.getTimestamp(4).toInstant(),
                row.getBoolean(5), row.getInt(6), row.getString(7), Optional.ofNullable(since).map(Timestamp::toInstant));
    }

    /** The installation of the repository's newest release: the one that may write its issues. */
    private static long installation(java.sql.Connection connection, String repository) throws java.sql.SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT installation_id FROM sluice.release WHERE repository = ? ORDER BY id DESC LIMIT 1")) {
            query.setString(1, repository);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }
}
