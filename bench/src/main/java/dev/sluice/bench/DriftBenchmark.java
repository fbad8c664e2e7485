package dev.sluice.bench;

import dev.sluice.embedded.EmbeddedPostgres;
import dev.sluice.embedded.EmbeddedPostgresSettings;
import dev.sluice.rollout.drift.DriftCheck;
import dev.sluice.rollout.drift.SchemaSnapshot;
import dev.sluice.rollout.drift.SnapshotReason;
import dev.sluice.rollout.drift.TargetSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Times a drift check (the latest recorded snapshot read and parsed, the live schema read from the
 * catalogs, the two compared) on a 100-table schema: columns, indexes, foreign keys, checks, views,
 * functions, triggers and policies, on a durable embedded PostgreSQL. Prints the median of the runs.
 *
 * <pre>java -cp bench/target/sluice-bench.jar dev.sluice.bench.DriftBenchmark [tables] [runs]</pre>
 */
public final class DriftBenchmark {

    private DriftBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path base = Files.createTempDirectory("sluice-bench-pg");
        try (EmbeddedPostgres server = EmbeddedPostgres.start(EmbeddedPostgresSettings.durable(
                Path.of(System.getProperty("java.io.tmpdir"), "sluice-test-postgres"), base, 0))) {
            server.createDatabaseIfMissing("drift");
            try (Connection connection = server.connect("drift")) {
                try (Statement sql = connection.createStatement()) {
                    sql.execute(schema(tables));
                }
                SchemaSnapshot recorded = SchemaSnapshot.read(connection);
                TargetSnapshots.record(connection, recorded, SnapshotReason.APPLY, Optional.of("bench"), Optional.empty(), "bench",
                        Instant.now());
                System.out.printf(Locale.ROOT, "schema: %d tables, %d objects in the snapshot, %d kB serialized%n", tables,
                        recorded.objects().size(), recorded.serialize().length() / 1024);
                for (int i = 0; i < 3; i++) {
                    check(connection);
                }
                double[] checks = new double[runs];
                double[] reads = new double[runs];
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    check(connection);
                    checks[i] = (System.nanoTime() - start) / 1e6;
                    start = System.nanoTime();
                    SchemaSnapshot.read(connection);
                    reads[i] = (System.nanoTime() - start) / 1e6;
                }
                System.out.printf(Locale.ROOT, "drift check (latest recorded + live read + compare): median %.1f ms, max %.1f ms over %d runs%n",
                        median(checks), Arrays.stream(checks).max().orElse(0), runs);
                System.out.printf(Locale.ROOT, "of which the live read alone: median %.1f ms%n", median(reads));
            }
        }
    }

    private static void check(Connection connection) throws Exception {
        if (!(TargetSnapshots.check(connection) instanceof DriftCheck.Clean)) {
            throw new IllegalStateException("the benchmark schema drifted from itself");
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** Tables of ten columns, two indexes, a check and a foreign key to the table before; a view and a function per ten tables. */
    static String schema(int tables) {
        List<String> sql = new ArrayList<>();
        sql.add("CREATE TYPE status AS ENUM ('new', 'paid', 'shipped', 'cancelled')");
        sql.add("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$");
        for (int t = 1; t <= tables; t++) {
            String table = "t" + t;
            sql.add("CREATE TABLE " + table + " (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + (t > 1 ? " parent_id bigint REFERENCES t" + (t - 1) + " (id)," : "")
                    + " tenant_id integer NOT NULL, name text NOT NULL, email varchar(200), status status NOT NULL DEFAULT 'new',"
                    + " amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0), payload jsonb,"
                    + " created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz, UNIQUE (tenant_id, email))");
            sql.add("CREATE INDEX " + table + "_created ON " + table + " (created_at)");
            sql.add("CREATE INDEX " + table + "_name ON " + table + " (lower(name)) WHERE status <> 'cancelled'");
            if (t % 10 == 0) {
                sql.add("CREATE VIEW " + table + "_open AS SELECT id, name, amount FROM " + table + " WHERE status = 'new'");
                sql.add("CREATE FUNCTION " + table + "_total(tenant integer) RETURNS numeric LANGUAGE sql STABLE"
                        + " RETURN (SELECT sum(amount) FROM " + table + " WHERE tenant_id = tenant)");
                sql.add("CREATE TRIGGER " + table + "_touch BEFORE UPDATE ON " + table + " FOR EACH ROW EXECUTE FUNCTION touch()");
                sql.add("ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY");
                sql.add("CREATE POLICY tenant ON " + table + " USING (tenant_id = current_setting('app.tenant')::integer)");
            }
        }
        return String.join(";\n", sql);
    }
}
