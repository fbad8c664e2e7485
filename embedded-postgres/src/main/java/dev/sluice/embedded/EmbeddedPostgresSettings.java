package dev.sluice.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where an embedded server keeps its files and how it runs.
 *
 * @param binariesDirectory where the PostgreSQL binaries are unpacked; may be shared by many servers
 * @param baseDirectory     this server's own folder: {@code data/}, {@code postgres.log}, {@code password}
 * @param port              TCP port on localhost, or 0 for any free port
 * @param durable           false trades crash safety for speed (fsync off); only for throw-away test servers
 * @param serverSettings    extra {@code postgresql.conf} settings passed on the command line
 */
public record EmbeddedPostgresSettings(
        Path binariesDirectory, Path baseDirectory, int port, boolean durable, Map<String, String> serverSettings) {

    public EmbeddedPostgresSettings {
        Objects.requireNonNull(binariesDirectory, "binariesDirectory");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        serverSettings = Map.copyOf(serverSettings);
    }

    /** A durable server in {@code baseDirectory} on the given port, with default settings. */
    public static EmbeddedPostgresSettings durable(Path binariesDirectory, Path baseDirectory, int port) {
        return new EmbeddedPostgresSettings(binariesDirectory, baseDirectory, port, true, Map.of());
    }

    /** A fast, non-durable server for tests on any free port. */
    public static EmbeddedPostgresSettings forTests(Path binariesDirectory, Path baseDirectory) {
        return new EmbeddedPostgresSettings(binariesDirectory, baseDirectory, 0, false, Map.of("max_connections", "300"));
    }

    public Path dataDirectory() {
        return baseDirectory.resolve("data");
    }

    public Path logFile() {
        return baseDirectory.resolve("postgres.log");
    }

    public Path passwordFile() {
        return baseDirectory.resolve("password");
    }
}
