package dev.sluice.bench;

import dev.sluice.embedded.EmbeddedPostgres;
import dev.sluice.embedded.EmbeddedPostgresSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Measures how fast PostgreSQL builds an index, rewrites a table and scans it, in megabytes of
 * table per second, on a durable embedded server. The review's duration estimates
 * ({@code dev.sluice.review.schema.Throughput}) come from these numbers.
 *
 * <pre>java -cp bench/target/sluice-bench.jar dev.sluice.bench.TableOperationBenchmark [rows]</pre>
 */
public final class TableOperationBenchmark {

    private TableOperationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000L;
        Path base = Files.createTempDirectory("sluice-bench-pg");
        try (EmbeddedPostgres server = EmbeddedPostgres.start(EmbeddedPostgresSettings.durable(
                Path.of(System.getProperty("java.io.tmpdir"), "sluice-test-postgres"), base, 0))) {
            server.createDatabaseIfMissing("bench");
            try (Connection connection = server.connect("bench"); Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, status text NOT NULL,"
                        + " note text, total numeric(12,2) NOT NULL, created_at timestamptz NOT NULL)");
                sql.execute("INSERT INTO orders SELECT g, g % 50000, CASE WHEN g % 3 = 0 THEN 'shipped' ELSE 'new' END,"
                        + " repeat('x', 40 + (g % 60)), (g % 10000) / 100.0, now() - (g || ' seconds')::interval"
                        + " FROM generate_series(1, " + rows + ") g");
                sql.execute("VACUUM ANALYZE orders");
                double megabytes = tableBytes(sql) / 1e6;
                System.out.printf(Locale.ROOT, "table orders: %d rows, %.0f MB (heap)%n", rows, megabytes);

                double index = time(sql, "CREATE INDEX orders_created_at_idx ON orders (created_at)");
                double scan = time(sql, "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0)");
                double rewrite = time(sql, "ALTER TABLE orders ALTER COLUMN customer_id TYPE numeric");
                System.out.printf(Locale.ROOT, "index build %.1f s: %.0f MB/s%n", index, megabytes / index);
                System.out.printf(Locale.ROOT, "validating scan %.1f s: %.0f MB/s%n", scan, megabytes / scan);
                System.out.printf(Locale.ROOT, "rewrite with 3 indexes %.1f s: %.0f MB/s%n", rewrite, megabytes / rewrite);
            }
        }
    }

    private static long tableBytes(Statement sql) throws SQLException {
        try (ResultSet size = sql.executeQuery("SELECT pg_table_size('orders')")) {
            size.next();
            return size.getLong(1);
        }
    }

    private static double time(Statement sql, String statement) throws SQLException {
        long start = System.nanoTime();
        sql.execute(statement);
        return (System.nanoTime() - start) / 1e9;
    }
}
