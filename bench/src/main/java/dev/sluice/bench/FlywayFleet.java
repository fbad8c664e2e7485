package dev.sluice.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;

/**
 * The Flyway contender of {@link MigrateBenchmark}, run in a JVM of its own like {@code sluice
 * migrate}: one Flyway per database, through Flyway's Java API, on a pool of {@code parallel}
 * threads (1: one database after the other). The password comes from {@code PGPASSWORD}.
 *
 * <pre>java -cp bench/target/sluice-bench.jar dev.sluice.bench.FlywayFleet SERVER_URL USER DIR PARALLEL NAMES_FILE</pre>
 *
 * Prints {@code N databases: M migrated, F failed}; exits 1 when any database failed.
 */
public final class FlywayFleet {

    private FlywayFleet() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        String serverUrl = args[0]; // jdbc:postgresql://host:port/
        String user = args[1];
        String location = "filesystem:" + Path.of(args[2]).toAbsolutePath();
        int parallel = Integer.parseInt(args[3]);
        List<String> databases = Files.readAllLines(Path.of(args[4]), StandardCharsets.UTF_8).stream()
                .filter(name -> !name.isBlank()).toList();
        String password = System.getenv("PGPASSWORD");

        int migrated = 0;
        List<String> failures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
            List<Future<Integer>> runs = new ArrayList<>();
            for (String database : databases) {
                runs.add(pool.submit(() -> Flyway.configure()
                        .dataSource(serverUrl + database, user, password)
                        .locations(location)
                        // Flyway's default transactional advisory lock keeps a transaction open that
                        // CREATE INDEX CONCURRENTLY waits for: the run hangs (flyway/flyway#3682, #3854).
                        .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                        .load()
                        .migrate()
                        .migrationsExecuted));
            }
            for (int i = 0; i < runs.size(); i++) {
                try {
                    migrated += runs.get(i).get() > 0 ? 1 : 0;
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(databases.get(i) + ": " + e.getCause());
                }
            }
        }
        failures.stream().limit(5).forEach(System.out::println);
        System.out.println(databases.size() + " databases: " + migrated + " migrated, " + failures.size() + " failed");
        System.exit(failures.isEmpty() ? 0 : 1);
    }
}
