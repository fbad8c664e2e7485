package dev.sluice.app.cli.migrate;

import dev.sluice.app.cli.CommandFailure;
import dev.sluice.app.cli.ExitCode;
import dev.sluice.rollout.RolloutException;
import dev.sluice.rollout.config.ProjectConfig;
import dev.sluice.rollout.engine.DatabaseGroups;
import dev.sluice.rollout.engine.DatabaseTarget;
import dev.sluice.rollout.engine.FleetRunner;
import dev.sluice.rollout.engine.JdbcTargets;
import dev.sluice.rollout.engine.MigrationResolver;
import dev.sluice.rollout.engine.MigrationSet;
import dev.sluice.rollout.engine.ScramKeyCache;
import dev.sluice.rollout.engine.Waves;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command that works on databases shares: where they are, which ones, which files. */
public final class TargetOptions {

    @Option(names = "--url", required = true, paramLabel = "JDBC_URL",
            description = "The database (jdbc:postgresql://host:port/db); with --databases, the server to find them on.")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "Database user (default: PGUSER, or from the URL).")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "Database password (default: PGPASSWORD, or from the URL; prefer PGPASSWORD: options show in ps).")
    String password;

    @Option(names = "--databases", paramLabel = "PATTERN|LIST",
            description = "Every database on the server whose name matches a SQL LIKE pattern (tenant_%%), or a comma-separated list.")
    String databases;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Migrations folder (default: migrations in sluice.yaml, else ./migrations).")
    Path dir;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "Databases worked on at once (each uses two connections); default ${DEFAULT-VALUE}.")
    int parallel;

    @Option(names = "--waves", paramLabel = "SIZES", defaultValue = "100%",
            description = "Wave sizes for a group, counts or percentages, e.g. 1,10%%,100%%; default ${DEFAULT-VALUE}.")
    String waves;

    @Option(names = "--max-failures", paramLabel = "N", description = "Start no new database once more than N have failed (default: no limit).")
    Integer maxFailures;

    /** The server's PostgreSQL major version, when {@link #targets()} has seen it. */
    private Optional<Integer> seenMajorVersion = Optional.empty();

    /** The databases to work on, each with its own URL on the same server. */
    List<DatabaseTarget> targets() {
        ScramKeyCache.install(); // one SCRAM key derivation per server rather than per database
        String resolvedUser = user != null ? user : System.getenv("PGUSER");
        String resolvedPassword = password != null ? password : System.getenv("PGPASSWORD");
        if (databases == null) {
            return List.of(JdbcTargets.of(databaseName(url), url, resolvedUser, resolvedPassword));
        }
        DatabaseTarget server = JdbcTargets.of("server", url, resolvedUser, resolvedPassword);
        try (Connection connection = server.connections().open("list databases")) {
            seenMajorVersion = Optional.of(majorVersion(connection)); // saves files() a connection of its own
            List<DatabaseTarget> targets = new ArrayList<>();
            for (String name : DatabaseGroups.list(connection, databases)) {
                targets.add(JdbcTargets.of(name, JdbcTargets.withDatabase(url, name), resolvedUser, resolvedPassword));
            }
            if (targets.isEmpty()) {
                throw new CommandFailure(ExitCode.USAGE, "no database on " + JdbcTargets.redact(url) + " matches " + databases);
            }
            return targets;
        } catch (SQLException e) {
            throw new CommandFailure(ExitCode.FAILED, "cannot list databases on " + JdbcTargets.redact(url) + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, e.getMessage(), e);
        }
    }

    FleetRunner.Settings fleet() {
        try {
            return new FleetRunner.Settings(parallel, Waves.parse(waves), maxFailures == null ? Integer.MAX_VALUE : maxFailures);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, e.getMessage(), e);
        }
    }

    /** The migration files, read and checked, split for the PostgreSQL major version of the first database. */
    MigrationSet files(List<DatabaseTarget> targets) {
        Path folder = dir != null ? dir : defaultFolder();
        try {
            return new MigrationResolver(seenMajorVersion.or(() -> serverMajorVersion(targets.getFirst())).orElse(17))
                    .resolve(folder);
        } catch (RolloutException e) {
            throw new CommandFailure(ExitCode.USAGE, e.getMessage(), e);
        }
    }

    private static Path defaultFolder() {
        return Path.of(project().migrations());
    }

    /** ./sluice.yaml when there is one: the migrations folder and whether out-of-order versions are allowed. */
    static ProjectConfig project() {
        Path config = Path.of("sluice.yaml");
        if (!Files.isRegularFile(config)) {
            return ProjectConfig.defaults();
        }
        try {
            return ProjectConfig.parse(Files.readString(config), "sluice.yaml");
        } catch (IOException | RolloutException e) {
            throw new CommandFailure(ExitCode.USAGE, e.getMessage(), e);
        }
    }

    private static Optional<Integer> serverMajorVersion(DatabaseTarget target) {
        try (Connection connection = target.connections().open("version")) {
            return Optional.of(majorVersion(connection));
        } catch (SQLException e) {
            return Optional.empty(); // the run itself reports the database as unreachable
        }
    }

    private static int majorVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
            row.next();
            return row.getInt(1);
        }
    }

    static String databaseName(String jdbcUrl) {
        int start = jdbcUrl.indexOf("//");
        int slash = jdbcUrl.indexOf('/', start < 0 ? 0 : start + 2);
        if (slash < 0) {
            return jdbcUrl;
        }
        int query = jdbcUrl.indexOf('?', slash);
        return jdbcUrl.substring(slash + 1, query < 0 ? jdbcUrl.length() : query);
    }

    static String installedBy() {
        return System.getProperty("user.name", "unknown");
    }
}
