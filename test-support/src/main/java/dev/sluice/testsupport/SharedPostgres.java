package dev.sluice.testsupport;

import dev.sluice.embedded.EmbeddedPostgres;
import dev.sluice.embedded.EmbeddedPostgresSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One embedded PostgreSQL server per JVM, started on first use and stopped when the JVM exits.
 * Test classes never share a database: each asks for a fresh one with {@link #newDatabase(String)}.
 */
public final class SharedPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private SharedPostgres() {
    }

    /** The JVM's server; started by the first caller. */
    public static EmbeddedPostgres server() {
        return Holder.SERVER;
    }

    /** Creates an empty database whose name starts with a readable hint (a test class name, say). */
    public static TestDatabase newDatabase(String hint) {
        String name = databaseName(hint, DATABASES.incrementAndGet());
        EmbeddedPostgres server = server();
        server.createDatabaseIfMissing(name);
        return new TestDatabase(name, server.jdbcUrl(name), server.username(), server.password());
    }

    public static void dropDatabase(TestDatabase database) {
        server().dropDatabase(database.name());
    }

    static String databaseName(String hint, int sequence) {
        String cleaned = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        String suffix = "_" + ProcessHandle.current().pid() + "_" + sequence;
        int room = 63 - suffix.length() - 2;
        return "t_" + (cleaned.length() > room ? cleaned.substring(0, room) : cleaned) + suffix;
    }

    private static final class Holder {
        static final EmbeddedPostgres SERVER = startServer();

        private static EmbeddedPostgres startServer() {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            Path binaries = tmp.resolve("sluice-test-postgres");
            try {
                Path base = Files.createTempDirectory("sluice-test-pg-");
                EmbeddedPostgres server = EmbeddedPostgres.start(EmbeddedPostgresSettings.forTests(binaries, base));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    server.close();
                    deleteQuietly(base);
                }, "sluice-test-postgres-stop"));
                return server;
            } catch (IOException e) {
                throw new IllegalStateException("could not create a folder for the test PostgreSQL server", e);
            }
        }

        private static void deleteQuietly(Path root) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // the JVM is exiting; a leftover temp folder is harmless
            }
        }
    }
}
