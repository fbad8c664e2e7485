package dev.sluice.bench;

import dev.sluice.embedded.EmbeddedPostgres;
import dev.sluice.embedded.EmbeddedPostgresSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A release of three migrations to a fleet of tenant databases on one local, durable PostgreSQL:
 * {@code sluice migrate} (the whole process, as a user runs it) against Flyway (one Flyway per
 * database, in a JVM of its own, sequentially and with the same parallelism) and against a psql
 * floor ({@code xargs -P}: one psql per file, and one psql session per database; the faster is the
 * floor), each on fresh databases, in one run; then the no-op re-run of {@code sluice migrate} and
 * its peak memory. Every contender is checked to have applied all three migrations on every database.
 *
 * <pre>java -cp bench/target/sluice-bench.jar dev.sluice.bench.MigrateBenchmark [databases] [parallel]</pre>
 *
 * System properties: {@code sluice.jar} (default {@code app/target/sluice.jar}), {@code psql}
 * (default: found on the PATH), {@code bench.sluiceJavaOptions} (default what the {@code ./sluice}
 * launcher passes, {@value #SLUICE_LAUNCHER_OPTIONS}), {@code bench.flywayJavaOptions} (default
 * none, as the {@code flyway} command line runs), {@code bench.noopRuns} (default 3).
 */
public final class MigrateBenchmark {

    static final String PREFIX = "bench_tenant_";
    static final String TEMPLATE = "bench_template";
    /** What the {@code ./sluice} launcher passes to the JVM for every command but serve. */
    static final String SLUICE_LAUNCHER_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
    static final String FLYWAY_VERSION = flywayVersion();

    /** The release: a table, a column with a constant default plus a NOT VALID check, an index built concurrently. */
    static final Map<String, String> RELEASE = Map.of(
            "V1__create_orders.sql", """
                    CREATE TABLE orders (
                        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        customer_id bigint        NOT NULL,
                        status      text          NOT NULL DEFAULT 'new',
                        total       numeric(12,2) NOT NULL,
                        note        text,
                        created_at  timestamptz   NOT NULL DEFAULT now()
                    );
                    COMMENT ON TABLE orders IS 'Orders of this tenant';
                    """,
            "V2__add_order_channel.sql", """
                    ALTER TABLE orders ADD COLUMN channel text NOT NULL DEFAULT 'web';
                    ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;
                    """,
            "V3__index_orders_customer.sql", """
                    CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);
                    """);

    /** One database is done when all three migrations left their mark. */
    private static final String APPLIED = """
            SELECT (SELECT count(*) FROM pg_attribute WHERE attrelid = to_regclass('public.orders') AND attname = 'channel')
                 + (SELECT count(*) FROM pg_constraint WHERE conname = 'orders_total_check')
                 + (SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                    WHERE c.relname = 'orders_customer_id_idx' AND i.indisvalid)""";

    private MigrateBenchmark() {
    }

    /** What a timed run gave. */
    record Run(String name, double seconds, long peakRssKb, String summary) {
    }

    /** The benchmark cannot go on; the message says why. */
    static final class BenchmarkFailure extends RuntimeException {
        BenchmarkFailure(String message) {
            super(message);
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        try {
            run(args);
        } catch (BenchmarkFailure e) {
            System.err.println("MigrateBenchmark: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int databases = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int parallel = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int noopRuns = Integer.getInteger("bench.noopRuns", 3);
        Path jar = Path.of(System.getProperty("sluice.jar", "app/target/sluice.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            fail("no sluice jar at " + jar + "; build it (./mvnw -q -B -Dmaven.test.skip=true -pl app,bench -am package),"
                    + " run from the project folder, or pass -Dsluice.jar=PATH");
        }
        String psql = System.getProperty("psql", onPath("psql"));
        if (psql == null || !Files.isExecutable(Path.of(psql))) {
            fail("psql is missing: the psql floor needs the PostgreSQL client (Debian/Ubuntu: apt-get install postgresql-client),"
                    + " or pass -Dpsql=PATH");
        }
        boolean timeV = Files.isExecutable(Path.of("/usr/bin/time"));
        if (!timeV) {
            System.err.println("note: /usr/bin/time is missing (Debian/Ubuntu: apt-get install time); peak memory is read by"
                    + " polling /proc/PID/status instead");
        }
        List<String> sluiceOptions = options("bench.sluiceJavaOptions", SLUICE_LAUNCHER_OPTIONS);
        List<String> flywayOptions = options("bench.flywayJavaOptions", "");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String benchClassPath = System.getProperty("java.class.path");

        Path work = Files.createTempDirectory("sluice-bench-migrate");
        Path release = work.resolve("release");
        Files.createDirectories(release);
        for (Map.Entry<String, String> file : RELEASE.entrySet()) {
            Files.writeString(release.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        List<String> names = IntStream.rangeClosed(1, databases).mapToObj(i -> String.format(Locale.ROOT, "%s%04d", PREFIX, i))
                .toList();
        Path namesFile = work.resolve("databases.txt");
        Files.write(namesFile, names, StandardCharsets.UTF_8);
        Path v1 = release.resolve("V1__create_orders.sql");
        Path v2 = release.resolve("V2__add_order_channel.sql");
        Path v3 = release.resolve("V3__index_orders_customer.sql");

        long benchStart = System.nanoTime();
        List<Run> runs = new ArrayList<>();
        Run noop;
        try (EmbeddedPostgres server = EmbeddedPostgres.start(new EmbeddedPostgresSettings(
                Path.of(System.getProperty("java.io.tmpdir"), "sluice-test-postgres"), work.resolve("pg"), 0, true,
                Map.of("max_connections", "200")))) {
            String serverUrl = "jdbc:postgresql://localhost:" + server.port() + "/";
            Map<String, String> environment = Map.of("PGPASSWORD", server.password(), "PGUSER", server.username(),
                    "PGHOST", "localhost", "PGPORT", Integer.toString(server.port()), "REDGATE_DISABLE_TELEMETRY", "true");
            execute(server, "CREATE DATABASE " + TEMPLATE);
            System.out.printf(Locale.ROOT, "PostgreSQL %s (local, durable), %d databases, parallel %d, %d cores, Java %s%n",
                    query(server, "SHOW server_version"), databases, parallel, Runtime.getRuntime().availableProcessors(),
                    Runtime.version());
            System.out.printf(Locale.ROOT, "JVM options: sluice [%s] (as ./sluice runs it), Flyway [%s] (as the flyway CLI runs it)%n",
                    String.join(" ", sluiceOptions), String.join(" ", flywayOptions));

            // psql floors: one psql per file (V1 and V2 each in one transaction, the CREATE INDEX
            // CONCURRENTLY file without), and one psql session per database running the three files.
            String psqlDb = psql + " -X -q -v ON_ERROR_STOP=1 -d \"$1\"";
            fresh(server, names, parallel);
            runs.add(timed("psql, one process per file", List.of("sh", "-c", String.format(Locale.ROOT,
                            "xargs -P %d -n 1 sh -c '%s -1 -f %s && %s -1 -f %s && %s -f %s' sh", parallel, psqlDb, v1, psqlDb, v2,
                            psqlDb, v3)),
                    namesFile, environment, work.resolve("psql-files.out"), false, null));
            verify(server, names, parallel, null, runs.getLast());
            fresh(server, names, parallel);
            runs.add(timed("psql, one session per database", List.of("sh", "-c", String.format(Locale.ROOT,
                            "xargs -P %d -n 1 sh -c '%s -c BEGIN -f %s -c COMMIT -c BEGIN -f %s -c COMMIT -f %s' sh", parallel, psqlDb,
                            v1, v2, v3)),
                    namesFile, environment, work.resolve("psql-session.out"), false, null));
            verify(server, names, parallel, null, runs.getLast());

            // sluice migrate, then the no-op re-run on the same databases.
            fresh(server, names, parallel);
            List<String> sluice = new ArrayList<>(List.of(java));
            sluice.addAll(sluiceOptions);
            sluice.addAll(List.of("-jar", jar.toString(), "migrate", "--url", serverUrl + "postgres",
                    "--databases", PREFIX + "%", "--dir", release.toString(), "--parallel", Integer.toString(parallel)));
            runs.add(timed("sluice migrate --parallel " + parallel, sluice, null, environment, work.resolve("sluice.out"), timeV,
                    Pattern.compile(databases + " databases: " + databases + " migrated, 0 up to date, 0 failed")));
            verify(server, names, parallel, "sluice.schema_history WHERE success AND direction = 'up'", runs.getLast());
            List<Run> noops = new ArrayList<>();
            for (int i = 0; i < noopRuns; i++) {
                noops.add(timed("sluice migrate, no-op re-run", sluice, null, environment, work.resolve("sluice-noop.out"), timeV,
                        Pattern.compile(databases + " databases: 0 migrated, " + databases + " up to date, 0 failed")));
            }
            noops.sort(Comparator.comparingDouble(Run::seconds));
            noop = noops.get(noops.size() / 2);

            // Flyway: one Flyway per database, with the same parallelism, then one database after the other.
            for (int threads : new int[] {parallel, 1}) {
                fresh(server, names, parallel);
                List<String> flyway = new ArrayList<>(List.of(java));
                flyway.addAll(flywayOptions);
                flyway.addAll(List.of("-cp", benchClassPath, FlywayFleet.class.getName(), serverUrl, server.username(),
                        release.toString(), Integer.toString(threads), namesFile.toString()));
                runs.add(timed(threads == 1 ? "Flyway " + FLYWAY_VERSION + ", sequential"
                                : "Flyway " + FLYWAY_VERSION + ", " + threads + " threads", flyway, null, environment,
                        work.resolve("flyway-" + threads + ".out"), timeV,
                        Pattern.compile(databases + " databases: " + databases + " migrated, 0 failed")));
                verify(server, names, parallel, "flyway_schema_history WHERE success", runs.getLast());
            }
            drop(server, names, parallel);
            execute(server, "DROP DATABASE " + TEMPLATE);
        } catch (BenchmarkFailure e) {
            deleteRecursively(work.resolve("pg")); // the server has stopped; keep the outputs
            throw new BenchmarkFailure(e.getMessage() + "\n(outputs kept in " + work + ")");
        }
        deleteRecursively(work);

        report(runs, noop, noopRuns, databases, parallel);
        System.out.printf(Locale.ROOT, "(whole benchmark %.0f s)%n", (System.nanoTime() - benchStart) / 1e9);
    }

    private static void report(List<Run> runs, Run noop, int noopRuns, int databases, int parallel) {
        Run floor = runs.stream().filter(run -> run.name().startsWith("psql")).min(Comparator.comparingDouble(Run::seconds))
                .orElseThrow();
        Run sluice = find(runs, "sluice migrate --parallel");
        Run flyway = find(runs, "Flyway " + FLYWAY_VERSION + ", " + parallel + " threads");
        System.out.println();
        System.out.printf(Locale.ROOT, "%-34s %9s %10s %12s %9s%n", "contender (parallel " + parallel + " unless said)", "wall",
                "per db", "vs floor", "peak RSS");
        for (Run run : runs) {
            System.out.printf(Locale.ROOT, "%-34s %7.2f s %7.1f ms %11.2fx %9s%n", run.name(), run.seconds(),
                    run.seconds() * 1000 / databases, run.seconds() / floor.seconds(), rss(run));
        }
        System.out.printf(Locale.ROOT, "%-34s %7.2f s %7.1f ms %12s %9s   (median of %d)%n", noop.name(), noop.seconds(),
                noop.seconds() * 1000 / databases, "", rss(noop), noopRuns);
        System.out.println();
        double floorRatio = sluice.seconds() / floor.seconds();
        double flywayRatio = sluice.seconds() / flyway.seconds();
        System.out.printf(Locale.ROOT, "floor: the faster psql (%s), %.2f s%n", floor.name(), floor.seconds());
        System.out.printf(Locale.ROOT, "sluice / floor:                 %.2f%n", floorRatio);
        System.out.printf(Locale.ROOT, "sluice / Flyway at parallel %d:  %.2f%n", parallel, flywayRatio);
        System.out.printf(Locale.ROOT, "sluice peak RSS: %s migrating, %s no-op re-run%n", rss(sluice), rss(noop));
        System.out.println();
        System.out.printf(Locale.ROOT, "%s  within 1.3x of the psql floor: %.2fx%n", floorRatio <= 1.3 ? "PASS" : "FAIL", floorRatio);
        System.out.printf(Locale.ROOT, "%s  faster than Flyway at equal parallelism: %.2f s vs %.2f s (%.2fx)%n",
                flywayRatio < 1 ? "PASS" : "FAIL", sluice.seconds(), flyway.seconds(), flywayRatio);
        System.out.printf(Locale.ROOT, "%s  no-op re-run of %d databases under 3 s: %.2f s%n",
                noop.seconds() < 3 ? "PASS" : "FAIL", databases, noop.seconds());
    }

    private static String flywayVersion() {
        try (var text = org.flywaydb.core.Flyway.class.getResourceAsStream("/org/flywaydb/core/internal/version.txt")) {
            return text == null ? "?" : new String(text.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    private static List<String> options(String property, String defaults) {
        return Arrays.stream(System.getProperty(property, defaults).split("\\s+")).filter(option -> !option.isBlank()).toList();
    }

    private static Run find(List<Run> runs, String prefix) {
        return runs.stream().filter(run -> run.name().startsWith(prefix)).findFirst().orElseThrow();
    }

    private static String rss(Run run) {
        return run.peakRssKb() <= 0 ? "-" : String.format(Locale.ROOT, "%d MB", Math.round(run.peakRssKb() / 1024.0));
    }

    /**
     * Runs a command, timing it from start to exit; with {@code timeV} under {@code /usr/bin/time -v}
     * for the peak RSS, otherwise (for a JVM) by polling its VmHWM. Fails the benchmark when the
     * command fails or its output lacks {@code expected}.
     */
    private static Run timed(String name, List<String> command, Path stdin, Map<String, String> environment, Path output,
            boolean timeV, Pattern expected) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (timeV) {
            full.addAll(List.of("/usr/bin/time", "-v"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        builder.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())
                : ProcessBuilder.Redirect.from(stdin.toFile()));
        long start = System.nanoTime();
        Process process = builder.start();
        long peak = 0;
        boolean poll = !timeV && expected != null;
        while (!process.waitFor(poll ? 10 : 1000, TimeUnit.MILLISECONDS)) {
            if (poll) {
                peak = Math.max(peak, vmHwm(process.pid()));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String text = Files.readString(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0 || expected != null && !expected.matcher(text).find()) {
            fail(name + " failed (exit " + process.exitValue() + "); output in " + output + ":\n" + tail(text));
        }
        if (timeV) {
            Matcher maxRss = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)").matcher(text);
            peak = maxRss.find() ? Long.parseLong(maxRss.group(1)) : 0;
        }
        String summary = text.lines().filter(line -> line.matches("\\d+ databases: .*")).findFirst().orElse("");
        System.out.printf(Locale.ROOT, "%-36s %7.2f s  %s%n", name, seconds, summary);
        return new Run(name, seconds, expected == null ? 0 : peak, summary);
    }

    private static long vmHwm(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process has just ended
        }
        return 0;
    }

    /** Checks on every database that all three migrations are in place (and, when given, three history rows). */
    private static void verify(EmbeddedPostgres server, List<String> names, int parallel, String history, Run run)
            throws Exception {
        String sql = history == null ? APPLIED : APPLIED + " + (SELECT count(*) FROM " + history + ")";
        int expected = history == null ? 3 : 6;
        List<String> incomplete = forEach(names, parallel, name -> {
            try (Connection connection = server.connect(name); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery(sql)) {
                row.next();
                return row.getInt(1) == expected ? null : name + " (" + row.getInt(1) + " of " + expected + " checks)";
            } catch (SQLException e) {
                return name + " (" + e.getMessage() + ")";
            }
        });
        if (!incomplete.isEmpty()) {
            fail(run.name() + ": " + incomplete.size() + " databases incomplete, e.g. " + incomplete.getFirst());
        }
        System.out.printf(Locale.ROOT, "%-36s verified: 3 migrations on all %d databases%s%n", "", names.size(),
                history == null ? "" : ", with 3 history rows each");
    }

    /** Drops the tenant databases left by the previous contender and creates fresh ones from the template. */
    private static void fresh(EmbeddedPostgres server, List<String> names, int parallel) throws Exception {
        drop(server, names, parallel);
        long start = System.nanoTime();
        List<String> failed = forEach(names, parallel, name -> {
            // FILE_COPY: about 3 times faster here than the default WAL_LOG, which writes every page to the WAL
            execute(server, "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE + " STRATEGY FILE_COPY");
            return null;
        });
        if (!failed.isEmpty()) {
            fail("could not create " + failed.getFirst());
        }
        execute(server, "CHECKPOINT"); // the contender starts with no dirty buffers of the setup to write
        System.out.printf(Locale.ROOT, "%-36s (%d fresh databases in %.1f s)%n", "", names.size(), (System.nanoTime() - start) / 1e9);
    }

    private static void drop(EmbeddedPostgres server, List<String> names, int parallel) throws Exception {
        forEach(names, parallel, name -> {
            execute(server, "DROP DATABASE IF EXISTS " + name);
            return null;
        });
    }

    @FunctionalInterface
    private interface Work {
        String run(String name) throws Exception;
    }

    /** Runs the work on every name, {@code parallel} at a time; returns the non-null results. */
    private static List<String> forEach(List<String> names, int parallel, Work work) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
            List<Future<String>> results = new ArrayList<>();
            for (String name : names) {
                results.add(pool.submit(() -> work.run(name)));
            }
            List<String> found = new ArrayList<>();
            for (Future<String> result : results) {
                String value = result.get();
                if (value != null) {
                    found.add(value);
                }
            }
            return found;
        }
    }

    private static void execute(EmbeddedPostgres server, String sql) throws SQLException {
        try (Connection connection = server.connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(EmbeddedPostgres server, String sql) throws SQLException {
        try (Connection connection = server.connect("postgres"); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static String onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void fail(String message) {
        throw new BenchmarkFailure(message);
    }
}
