package dev.sluice.rollout.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A database's {@code sluice.schema_history}: created on first use, read whole, appended to. */
public final class SchemaHistory {

    private SchemaHistory() {
    }

    /** Creates the schema and table if they are missing. */
    public static void ensure(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE SCHEMA IF NOT EXISTS sluice;
                    CREATE TABLE IF NOT EXISTS sluice.schema_history (
                        installed_rank integer     GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        version        text        NOT NULL,
                        description    text        NOT NULL,
                        script         text        NOT NULL,
                        checksum       text        NOT NULL,
                        direction      text        NOT NULL CHECK (direction IN ('up', 'down')),
                        release        text,
                        environment    text,
                        installed_by   text        NOT NULL,
                        installed_at   timestamptz NOT NULL DEFAULT now(),
                        execution_ms   bigint      NOT NULL,
                        success        boolean     NOT NULL
                    )""");
        }
    }

    public static boolean exists(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT to_regclass('sluice.schema_history') IS NOT NULL")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    /** Every row in installation order; empty when the table does not exist yet (nothing is created). */
    public static List<HistoryRow> read(Connection connection) throws SQLException {
        if (!exists(connection)) {
            return List.of();
        }
        List<HistoryRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("""
                     SELECT installed_rank, version, description, script, checksum, direction, release, environment,
                            installed_by, installed_at, execution_ms, success
                     FROM sluice.schema_history ORDER BY installed_rank""")) {
            while (row.next()) {
                rows.add(new HistoryRow(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                        HistoryRow.Direction.valueOf(row.getString(6).toUpperCase(Locale.ROOT)),
                        Optional.ofNullable(row.getString(7)), Optional.ofNullable(row.getString(8)), row.getString(9),
                        row.getTimestamp(10).toInstant(), row.getLong(11), row.getBoolean(12)));
            }
        }
        return rows;
    }

    /** Appends a row in the connection's current transaction (or on its own in autocommit). */
    public static void append(Connection connection, HistoryRow row) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO sluice.schema_history (version, description, script, checksum, direction, release, environment,
                                                   installed_by, installed_at, execution_ms, success)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, row.version());
            insert.setString(2, row.description());
            insert.setString(3, row.script());
            insert.setString(4, row.checksum());
            insert.setString(5, row.direction().name().toLowerCase(Locale.ROOT));
            insert.setString(6, row.release().orElse(null));
            insert.setString(7, row.environment().orElse(null));
            insert.setString(8, row.installedBy());
            insert.setTimestamp(9, Timestamp.from(row.installedAt()));
            insert.setLong(10, row.executionMs());
            insert.setBoolean(11, row.success());
            insert.executeUpdate();
        }
    }
}
