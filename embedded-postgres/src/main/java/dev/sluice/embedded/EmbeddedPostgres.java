package dev.sluice.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the binaries on the class path, listening on localhost only.
 *
 * <p>The data folder survives {@link #close()}: starting again on the same settings finds the same
 * databases. The caller makes sure only one process uses a base folder at a time; a server that an
 * earlier, killed process left running there is stopped before a new one starts.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final String SUPERUSER = "postgres";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(2);
    private static final int START_ATTEMPTS = 3;
    private static final Pattern SAFE_SETTING = Pattern.compile("[A-Za-z0-9_.:/+-]*");

    private final EmbeddedPostgresSettings settings;
    private final PostgresTools tools;
    private final String password;
    private final int port;
    private boolean stopped;

    private EmbeddedPostgres(EmbeddedPostgresSettings settings, PostgresTools tools, String password, int port) {
        this.settings = settings;
        this.tools = tools;
        this.password = password;
        this.port = port;
    }

    /** Unpacks the binaries if needed, creates the cluster on first use, and starts the server. */
    public static EmbeddedPostgres start(EmbeddedPostgresSettings settings) {
        PostgresTools tools = new PostgresTools(PostgresBinaries.install(settings.binariesDirectory()));
        try {
            Files.createDirectories(settings.baseDirectory());
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not create " + settings.baseDirectory() + ": " + e.getMessage(), e);
        }
        String password = readOrCreatePassword(settings.passwordFile());
        if (!Files.exists(settings.dataDirectory().resolve("PG_VERSION"))) {
            initdb(tools, settings);
        }
        stopLeftoverServer(tools, settings);
        EmbeddedPostgresException lastFailure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = settings.port() == 0 ? freePort() : settings.port();
            PostgresTools.Outcome outcome = tools.run(START_TIMEOUT, "pg_ctl", startArguments(settings, port));
            if (outcome.succeeded()) {
                LOG.debug("PostgreSQL started on port {} with data in {}", port, settings.dataDirectory());
                return new EmbeddedPostgres(settings, tools, password, port);
            }
            lastFailure = new EmbeddedPostgresException("PostgreSQL did not start on port " + port + ": "
                    + outcome.output() + lastLogLines(settings.logFile()));
            if (settings.port() != 0) {
                break; // a fixed port will not become free by retrying at once
            }
        }
        throw lastFailure;
    }

    public int port() {
        return port;
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    public Path dataDirectory() {
        return settings.dataDirectory();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "sluice-embedded");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    /** Creates the database unless it exists; returns true when it was created now. */
    public boolean createDatabaseIfMissing(String database) {
        try (Connection connection = connect("postgres")) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return false;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + quoteIdentifier(database));
                return true;
            } catch (SQLException e) {
                if ("42P04".equals(e.getSQLState())) { // created meanwhile by someone else
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new EmbeddedPostgresException("could not create database " + database + ": " + e.getMessage(), e);
        }
    }

    public void dropDatabase(String database) {
        try (Connection connection = connect("postgres"); Statement drop = connection.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + quoteIdentifier(database) + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new EmbeddedPostgresException("could not drop database " + database + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server (fast shutdown: open sessions are ended, committed work is kept). */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        PostgresTools.Outcome outcome = tools.run(TOOL_TIMEOUT, "pg_ctl",
                List.of("stop", "-D", settings.dataDirectory().toString(), "-m", "fast", "-w", "-s"));
        if (!outcome.succeeded()) {
            throw new EmbeddedPostgresException("PostgreSQL did not stop cleanly: " + outcome.output());
        }
    }

    private static void initdb(PostgresTools tools, EmbeddedPostgresSettings settings) {
        // Build the cluster beside its final place and move it in, so an interrupted initdb never
        // leaves a half-made data folder behind.
        Path staging = settings.baseDirectory().resolve("data.initdb-" + UUID.randomUUID());
        List<String> arguments = new ArrayList<>(List.of(
                "-D", staging.toString(),
                "-U", SUPERUSER,
                "--pwfile=" + settings.passwordFile(),
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C"));
        if (!settings.durable()) {
            arguments.add("--no-sync");
        }
        PostgresTools.Outcome outcome = tools.run(TOOL_TIMEOUT, "initdb", arguments);
        try {
            if (!outcome.succeeded()) {
                PostgresBinaries.deleteRecursively(staging);
                throw new EmbeddedPostgresException("initdb failed: " + outcome.output());
            }
            Files.move(staging, settings.dataDirectory(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not create the PostgreSQL data folder " + settings.dataDirectory()
                    + ": " + e.getMessage(), e);
        }
    }

    /** A server left running by a process that was killed would hold the data folder; stop it first. */
    private static void stopLeftoverServer(PostgresTools tools, EmbeddedPostgresSettings settings) {
        if (!Files.exists(settings.dataDirectory().resolve("postmaster.pid"))) {
            return;
        }
        String data = settings.dataDirectory().toString();
        if (tools.run(TOOL_TIMEOUT, "pg_ctl", List.of("status", "-D", data)).succeeded()) {
            LOG.warn("Stopping a PostgreSQL server left running in {} by an earlier process", data);
            PostgresTools.Outcome stop = tools.run(TOOL_TIMEOUT, "pg_ctl", List.of("stop", "-D", data, "-m", "fast", "-w", "-s"));
            if (!stop.succeeded()) {
                throw new EmbeddedPostgresException("a PostgreSQL server left running in " + data
                        + " could not be stopped: " + stop.output());
            }
        }
    }

    private static List<String> startArguments(EmbeddedPostgresSettings settings, int port) {
        Map<String, String> serverSettings = new LinkedHashMap<>();
        serverSettings.put("listen_addresses", "localhost");
        serverSettings.put("unix_socket_directories", "");
        if (!settings.durable()) {
            serverSettings.put("fsync", "off");
            serverSettings.put("synchronous_commit", "off");
            serverSettings.put("full_page_writes", "off");
        }
        serverSettings.putAll(settings.serverSettings());
        StringBuilder options = new StringBuilder("-p ").append(port);
        serverSettings.forEach((name, value) -> {
            if (!SAFE_SETTING.matcher(name).matches() || !SAFE_SETTING.matcher(value).matches()) {
                throw new IllegalArgumentException("unsupported characters in server setting " + name + "=" + value);
            }
            options.append(" -c ").append(name).append("='").append(value).append('\'');
        });
        return List.of("start", "-D", settings.dataDirectory().toString(), "-l", settings.logFile().toString(),
                "-w", "-t", Long.toString(START_TIMEOUT.toSeconds()), "-s", "-o", options.toString());
    }

    private static String readOrCreatePassword(Path passwordFile) {
        try {
            if (Files.exists(passwordFile)) {
                return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            Path staging = passwordFile.resolveSibling(passwordFile.getFileName() + ".new");
            Files.deleteIfExists(staging);
            Files.createFile(staging, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(staging, password + "\n", StandardCharsets.UTF_8);
            Files.move(staging, passwordFile, StandardCopyOption.ATOMIC_MOVE);
            return password;
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not read or create " + passwordFile + ": " + e.getMessage(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EmbeddedPostgresException("no free TCP port on localhost: " + e.getMessage(), e);
        }
    }

    private static String lastLogLines(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - 5), lines.size());
            return tail.isEmpty() ? "" : "\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "";
        }
    }

    static String quoteIdentifier(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
