package dev.sluice.rollout.drift;

import dev.sluice.rollout.controller.AuditEntry;
import dev.sluice.rollout.controller.AuditLog;
import dev.sluice.rollout.controller.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The schemas the controller expects of its target databases ({@code sluice.schema_snapshot} in
 * the controller's database): recorded after every successful apply, or accepted by a baseline.
 * The latest per target database is the expectation; older ones stay as history.
 */
public final class ControllerSnapshots {

    private final Transactions transactions;

    public ControllerSnapshots(Transactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Records {@code snapshot} as what the database should look like now. {@code reason} is
     * {@code apply} (after Sluice applied migrations) or {@code baseline} (someone accepted the live
     * schema, which is audited).
     */
    public void record(String target, String database, Optional<String> repository, Optional<String> release, String takenBy,
            String reason, SchemaSnapshot snapshot) {
        transactions.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO sluice.schema_snapshot (target, database, repository, release, taken_by, reason, digest, snapshot)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, target);
                insert.setString(2, database);
                insert.setString(3, repository.orElse(null));
                insert.setString(4, release.orElse(null));
                insert.setString(5, takenBy);
                insert.setString(6, reason);
                insert.setString(7, snapshot.digest());
                insert.setString(8, snapshot.serialize());
                insert.executeUpdate();
            }
            if (reason.equals("baseline")) {
                AuditLog.append(connection, new AuditEntry(takenBy, "schema-baseline", repository, Optional.empty(), release,
                        Optional.of(database.isEmpty() ? target : target + "/" + database),
                        "the live schema is now the recorded one (digest " + snapshot.digest() + ")"));
            }
            return null;
        });
    }

    /** Whether a schema is recorded for the target database (without reading it). */
    public boolean exists(String target, String database) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT 1 FROM sluice.schema_snapshot WHERE target = ? AND database = ? LIMIT 1")) {
                query.setString(1, target);
                query.setString(2, database);
                try (ResultSet row = query.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    public Optional<RecordedSchema> latest(String target, String database) {
        return transactions.inTransaction(connection -> latest(connection, target, database));
    }

    /** The latest record of every target database that has one. */
    public List<RecordedSchema> all() {
        return transactions.inTransaction(connection -> {
            List<RecordedSchema> recorded = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT DISTINCT ON (target, database) target, database FROM sluice.schema_snapshot ORDER BY target, database, id DESC""");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    latest(connection, rows.getString(1), rows.getString(2)).ifPresent(recorded::add);
                }
            }
            return recorded;
        });
    }

    private static Optional<RecordedSchema> latest(Connection connection, String target, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT id, repository, release, taken_at, taken_by, reason, snapshot FROM sluice.schema_snapshot
                WHERE target = ? AND database = ? ORDER BY id DESC LIMIT 1""")) {
            query.setString(1, target);
            query.setString(2, database);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RecordedSchema(row.getLong(1), target, database, Optional.ofNullable(row.getString(2)),
                        Optional.ofNullable(row.getString(3)), row.getTimestamp(4).toInstant(), row.getString(5), row.getString(6),
                        SchemaSnapshot.parse(row.getString(7))));
            }
        }
    }
}
