package dev.sluice.rollout.drift;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A target database's {@code sluice.schema_snapshot}: the schema recorded after each change Sluice
 * made, kept next to {@code sluice.schema_history} so the record travels with the database (a restore
 * brings back the matching record) and needs no controller to be read. Created on first use.
 */
public final class TargetSnapshots {

    private TargetSnapshots() {
    }

    /** Creates the schema and table if they are missing. */
    public static void ensure(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE SCHEMA IF NOT EXISTS sluice;
                    CREATE TABLE IF NOT EXISTS sluice.schema_snapshot (
                        id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        taken_at    timestamptz NOT NULL DEFAULT now(),
                        release     text,
                        environment text,
                        taken_by    text        NOT NULL,
                        reason      text        NOT NULL CHECK (reason IN ('apply', 'baseline', 'accept')),
                        digest      text        NOT NULL,
                        snapshot    text        NOT NULL
                    )""");
        }
    }

    /**
     * Appends a snapshot (creating the table first if needed), in the connection's current
     * transaction or on its own in autocommit; returns its id.
     */
    public static long record(Connection connection, SchemaSnapshot snapshot, SnapshotReason reason, Optional<String> release,
            Optional<String> environment, String takenBy, Instant takenAt) throws SQLException {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(takenBy, "takenBy");
        ensure(connection);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO sluice.schema_snapshot (taken_at, release, environment, taken_by, reason, digest, snapshot)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            String text = snapshot.serialize();
            insert.setTimestamp(1, Timestamp.from(takenAt));
            insert.setString(2, release.orElse(null));
            insert.setString(3, environment.orElse(null));
            insert.setString(4, takenBy);
            insert.setString(5, reason.text());
            insert.setString(6, snapshot.digest());
            insert.setString(7, text);
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    /** The newest snapshot; empty when none was recorded (nothing is created). */
    public static Optional<RecordedSnapshot> latest(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT to_regclass('sluice.schema_snapshot') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return Optional.empty();
                }
            }
            try (ResultSet row = statement.executeQuery("""
                    SELECT id, taken_at, release, taken_by, reason, snapshot
                    FROM sluice.schema_snapshot ORDER BY id DESC LIMIT 1""")) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RecordedSnapshot(row.getLong(1), row.getTimestamp(2).toInstant(),
                        Optional.ofNullable(row.getString(3)), row.getString(4), SnapshotReason.of(row.getString(5)),
                        SchemaSnapshot.parse(row.getString(6))));
            }
        }
    }

    /** The latest recorded snapshot against the live schema. */
    public static DriftCheck check(Connection connection) throws SQLException {
        Optional<RecordedSnapshot> recorded = latest(connection);
        if (recorded.isEmpty()) {
            return new DriftCheck.NothingRecorded();
        }
        Drift drift = SchemaDiff.compare(recorded.get().snapshot(), SchemaSnapshot.read(connection));
        return drift.drifted() ? new DriftCheck.Drifted(drift, recorded.get()) : new DriftCheck.Clean(recorded.get());
    }
}
