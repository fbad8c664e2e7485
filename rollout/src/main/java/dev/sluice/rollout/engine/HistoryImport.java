package dev.sluice.rollout.engine;

import dev.sluice.rollout.ErrorCode;
import dev.sluice.rollout.migration.MigrationVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * {@code baseline --adopt}: imports another tool's history into {@code sluice.schema_history}, so a
 * team switches to Sluice without running anything again. Every version the other tool applied
 * must have its file here (and for Flyway, the file must be the one Flyway applied, by Flyway's
 * own checksum); otherwise nothing is imported and the problems are listed.
 */
public final class HistoryImport {

    /** The tools whose history Sluice can adopt. */
    public enum Tool {
        FLYWAY, GOLANG_MIGRATE, DBMATE;

        public static Tool parse(String text) {
            return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final MigrationRunner runner;
    private final Clock clock;

    public HistoryImport(MigrationRunner runner, Clock clock) {
        this.runner = runner;
        this.clock = clock;
    }

    public DatabaseOutcome adopt(DatabaseTarget target, Tool tool, MigrationSet files, RunSettings settings, RolloutListener listener) {
        return runner.locked(target, settings, listener, (connection, history) -> {
            if (history.stream().anyMatch(HistoryRow::success)) {
                return new DatabaseOutcome.Invalid(target.name(), List.of("the database already has Sluice history; adopt"
                        + " only a database Sluice has never migrated"), ErrorCode.INVALID_INPUT);
            }
            List<String> problems = new ArrayList<>();
            List<HistoryRow> rows = switch (tool) {
                case FLYWAY -> flyway(connection, files, settings, problems);
                case GOLANG_MIGRATE -> golangMigrate(connection, files, settings, problems);
                case DBMATE -> dbmate(connection, files, settings, problems);
            };
            if (!problems.isEmpty()) {
                return new DatabaseOutcome.Invalid(target.name(), problems, ErrorCode.INVALID_INPUT);
            }
            if (rows.isEmpty()) {
                return new DatabaseOutcome.Invalid(target.name(), List.of(tool.label() + " has applied nothing here"),
                        ErrorCode.INVALID_INPUT);
            }
            List<Step> steps = rows.stream().map(row -> new Step(MigrationVersion.parse(row.version()), row.script(),
                    HistoryRow.Direction.UP, true, "", java.time.Duration.ofMillis(row.executionMs()))).toList();
            if (settings.dryRun()) {
                return new DatabaseOutcome.Planned(target.name(), steps);
            }
            connection.setAutoCommit(false);
            try {
                for (HistoryRow row : rows) {
                    SchemaHistory.append(connection, row);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            return new DatabaseOutcome.Migrated(target.name(), steps);
        });
    }

    private List<HistoryRow> flyway(Connection connection, MigrationSet files, RunSettings settings, List<String> problems)
            throws SQLException {
        Map<String, FlywayRow> latest = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("""
                     SELECT version, description, type, script, checksum, installed_by, installed_on, execution_time, success
                     FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank""")) {
            while (row.next()) {
                latest.put(row.getString(1), new FlywayRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        (Integer) row.getObject(5), row.getString(6), row.getTimestamp(7), row.getLong(8), row.getBoolean(9)));
            }
        } catch (SQLException e) {
            problems.add("no Flyway history here (flyway_schema_history: " + e.getMessage() + ")");
            return List.of();
        }
        List<HistoryRow> rows = new ArrayList<>();
        for (FlywayRow flyway : latest.values()) {
            if (flyway.type().equals("DELETE") || flyway.type().startsWith("UNDO")) {
                continue;
            }
            if (!flyway.success()) {
                problems.add("Flyway's last attempt at version " + flyway.version() + " (" + flyway.script()
                        + ") failed; repair it with Flyway first");
                continue;
            }
            Instant at = flyway.installedOn() == null ? clock.instant() : flyway.installedOn().toInstant();
            if (flyway.type().contains("BASELINE")) {
                rows.add(new HistoryRow(0, flyway.version(), "baseline (adopted from flyway)", HistoryRow.BASELINE_SCRIPT, "none",
                        HistoryRow.Direction.UP, Optional.of("adopted from flyway"), settings.environment(), flyway.installedBy(),
                        at, 0, true));
                continue;
            }
            Optional<ResolvedMigration> file = fileFor(files, flyway.version(), flyway.script(), "Flyway", problems);
            if (file.isEmpty()) {
                continue;
            }
            if (flyway.checksum() != null && flyway.checksum() != flywayChecksum(file.get().text())) {
                problems.add(file.get().script() + " is not the file Flyway applied as version " + flyway.version()
                        + " (Flyway checksum " + flyway.checksum() + ", this file " + flywayChecksum(file.get().text()) + ")");
                continue;
            }
            rows.add(adopted(file.get(), "flyway", flyway.installedBy(), at, flyway.executionTime(), settings));
        }
        return rows;
    }

    private List<HistoryRow> golangMigrate(Connection connection, MigrationSet files, RunSettings settings, List<String> problems)
            throws SQLException {
        long version;
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT version, dirty FROM schema_migrations LIMIT 1")) {
            if (!row.next()) {
                return List.of();
            }
            if (row.getBoolean(2)) {
                problems.add("golang-migrate left the database dirty at version " + row.getLong(1) + "; fix it and run"
                        + " migrate force first");
                return List.of();
            }
            version = row.getLong(1);
        } catch (SQLException e) {
            problems.add("no golang-migrate history here (schema_migrations: " + e.getMessage() + ")");
            return List.of();
        }
        MigrationVersion current = MigrationVersion.parse(Long.toString(version));
        if (files.up(current).isEmpty()) {
            problems.add("golang-migrate is at version " + version + ", but there is no file for that version here");
            return List.of();
        }
        return files.ups().stream()
                .filter(file -> file.version().compareTo(current) <= 0)
                .map(file -> adopted(file, "golang-migrate", settings.installedBy(), clock.instant(), 0, settings))
                .toList();
    }

    private List<HistoryRow> dbmate(Connection connection, MigrationSet files, RunSettings settings, List<String> problems)
            throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT version FROM schema_migrations ORDER BY version")) {
            while (row.next()) {
                versions.add(row.getString(1));
            }
        } catch (SQLException e) {
            problems.add("no dbmate history here (schema_migrations: " + e.getMessage() + ")");
            return List.of();
        }
        List<HistoryRow> rows = new ArrayList<>();
        for (String version : versions) {
            fileFor(files, version, version, "dbmate", problems)
                    .ifPresent(file -> rows.add(adopted(file, "dbmate", settings.installedBy(), clock.instant(), 0, settings)));
        }
        return rows;
    }

    private static Optional<ResolvedMigration> fileFor(MigrationSet files, String version, String script, String tool,
            List<String> problems) {
        Optional<ResolvedMigration> file;
        try {
            file = files.up(MigrationVersion.parse(version));
        } catch (IllegalArgumentException e) {
            problems.add(tool + " applied version " + version + ", which is not a version Sluice can read");
            return Optional.empty();
        }
        if (file.isEmpty()) {
            problems.add(tool + " applied version " + version + " (" + script + "), but there is no file for it here");
        }
        return file;
    }

    private static HistoryRow adopted(ResolvedMigration file, String tool, String installedBy, Instant at, long executionMs,
            RunSettings settings) {
        return new HistoryRow(0, file.version().text(), file.description(), file.script(), file.checksum().value(),
                HistoryRow.Direction.UP, Optional.of("adopted from " + tool), settings.environment(), installedBy, at,
                executionMs, true);
    }

    /**
     * Flyway's checksum: CRC32 over the UTF-8 bytes of each line without its line break, a leading
     * byte-order mark removed, as a signed int.
     */
    static int flywayChecksum(String text) {
        CRC32 crc = new CRC32();
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            String line = reader.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            while (line != null) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
                line = reader.readLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (int) crc.getValue();
    }

    private record FlywayRow(String version, String description, String type, String script, Integer checksum,
            String installedBy, Timestamp installedOn, long executionTime, boolean success) {
    }
}
