package dev.sluice.app.persistence;

import dev.sluice.rollout.migration.Checksum;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the controller's own database up to date from the versioned SQL files under
 * {@code db/controller/}, recording each in {@code sluice.schema_history} (the same table every
 * target database gets). Replicas starting together take turns through an advisory lock. An
 * applied file that has since changed stops the start-up: history is never rewritten.
 */
public final class ControllerSchema {

    static final String FOLDER = "db/controller";
    /** Advisory lock key: "sluice" in ASCII, then 1 for the controller's own schema. */
    static final long LOCK_KEY = 0x736c7569636501L;

    private static final Logger LOG = LoggerFactory.getLogger(ControllerSchema.class);
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    private final DataSource dataSource;
    private final List<ControllerMigration> migrations;

    ControllerSchema(DataSource dataSource, List<ControllerMigration> migrations) {
        this.dataSource = dataSource;
        this.migrations = migrations.stream().sorted(Comparator.comparingInt(ControllerMigration::version)).toList();
    }

    public static ControllerSchema fromClasspath(DataSource dataSource) {
        return new ControllerSchema(dataSource, loadMigrations());
    }

    /** Applies what is missing; returns the versions applied now. */
    public List<Integer> migrate() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
            }
            try {
                createHistoryTable(connection);
                return applyPending(connection);
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not bring the controller database up to date: " + e.getMessage(), e);
        }
    }

    private List<Integer> applyPending(Connection connection) throws SQLException {
        Map<Integer, String> applied = appliedChecksums(connection);
        List<Integer> appliedNow = new ArrayList<>();
        for (ControllerMigration migration : migrations) {
            String recorded = applied.get(migration.version());
            if (recorded != null) {
                if (!recorded.equals(migration.checksum().value())) {
                    throw new IllegalStateException("controller migration " + migration.script()
                            + " changed after it was applied (recorded " + recorded + ", now " + migration.checksum() + ")");
                }
                continue;
            }
            apply(connection, migration);
            appliedNow.add(migration.version());
        }
        return appliedNow;
    }

    private static void apply(Connection connection, ControllerMigration migration) throws SQLException {
        long started = System.nanoTime();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '10s'");
            statement.execute(migration.sql());
            recordHistory(connection, migration, (System.nanoTime() - started) / 1_000_000);
            connection.commit();
            LOG.info("Controller database: applied {}", migration.script());
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("controller migration " + migration.script() + " failed: " + e.getMessage(), e.getSQLState(), e);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void recordHistory(Connection connection, ControllerMigration migration, long executionMs) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO sluice.schema_history
                    (version, description, script, checksum, direction, installed_by, execution_ms, success)
                VALUES (?, ?, ?, ?, 'up', 'sluice-controller', ?, true)""")) {
            insert.setString(1, Integer.toString(migration.version()));
            insert.setString(2, migration.description());
            insert.setString(3, migration.script());
            insert.setString(4, migration.checksum().value());
            insert.setLong(5, executionMs);
            insert.executeUpdate();
        }
    }

    private static void createHistoryTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE SCHEMA IF NOT EXISTS sluice;
                    CREATE TABLE IF NOT EXISTS sluice.schema_history (
                        installed_rank integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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

    /** The newest row per version decides; a version whose newest row is a successful 'up' is applied. */
    private static Map<Integer, String> appliedChecksums(Connection connection) throws SQLException {
        Map<Integer, String> applied = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT DISTINCT ON (version) version, checksum, direction, success
                     FROM sluice.schema_history ORDER BY version, installed_rank DESC""")) {
            while (rows.next()) {
                if (rows.getBoolean("success") && "up".equals(rows.getString("direction"))) {
                    applied.put(Integer.parseInt(rows.getString("version")), rows.getString("checksum"));
                }
            }
        }
        return applied;
    }

    static List<ControllerMigration> loadMigrations() {
        List<ControllerMigration> loaded = new ArrayList<>();
        for (String name : listFolder()) {
            Matcher matcher = FILE_NAME.matcher(name);
            if (!matcher.matches()) {
                throw new IllegalStateException("unexpected file in " + FOLDER + ": " + name);
            }
            String sql = readResource(FOLDER + "/" + name);
            loaded.add(new ControllerMigration(Integer.parseInt(matcher.group(1)), matcher.group(2).replace('_', ' '),
                    name, sql, Checksum.of(sql)));
        }
        long distinct = loaded.stream().mapToInt(ControllerMigration::version).distinct().count();
        if (distinct != loaded.size()) {
            throw new IllegalStateException("two controller migrations share a version in " + FOLDER);
        }
        return loaded;
    }

    private static List<String> listFolder() {
        URL url = ControllerSchema.class.getClassLoader().getResource(FOLDER);
        if (url == null) {
            throw new IllegalStateException(FOLDER + " is missing from the class path");
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    String prefix = FOLDER + "/";
                    return jar.stream()
                            .map(entry -> entry.getName())
                            .filter(name -> name.startsWith(prefix) && name.length() > prefix.length())
                            .map(name -> name.substring(prefix.length()))
                            .filter(name -> !name.contains("/"))
                            .sorted()
                            .toList();
                }
            }
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                return files.map(path -> path.getFileName().toString()).sorted().toList();
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("could not list " + url, e);
        }
    }

    private static String readResource(String name) {
        try (InputStream in = ControllerSchema.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + name, e);
        }
    }
}
