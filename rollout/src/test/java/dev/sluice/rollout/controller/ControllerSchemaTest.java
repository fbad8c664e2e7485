package dev.sluice.rollout.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.rollout.engine.MigrationSource;
import dev.sluice.testsupport.PostgresTest;
import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@PostgresTest
class ControllerSchemaTest {

    @Test
    void appliesTheShippedFilesOnceAndRecordsThem(TestDatabase database) throws SQLException {
        ControllerSchema schema = ControllerSchema.fromClasspath(database.dataSource());

        assertThat(schema.migrate()).contains("1");
        assertThat(schema.migrate()).isEmpty();

        assertThat(queryInt(database, "SELECT count(*) FROM sluice.audit_event")).isZero();
        assertThat(queryInt(database, "SELECT count(*) FROM sluice.schema_history WHERE version = '1' AND success")).isEqualTo(1);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT script, checksum, direction, installed_by FROM sluice.schema_history WHERE version = '1'")) {
            row.next();
            assertThat(row.getString("script")).isEqualTo("V1__audit_trail.sql");
            assertThat(row.getString("checksum")).matches("sha256:[0-9a-f]{64}");
            assertThat(row.getString("direction")).isEqualTo("up");
            assertThat(row.getString("installed_by")).isEqualTo("sluice-controller");
        }
    }

    @Test
    void refusesToStartWhenAnAppliedFileChanged() {
        TestDatabase database = SharedPostgres.newDatabase("ControllerSchemaChanged");
        String original = "CREATE TABLE sluice.example(id int);";
        new ControllerSchema(database.dataSource(), List.of(migration(1, original))).migrate();

        ControllerSchema edited = new ControllerSchema(database.dataSource(),
                List.of(migration(1, "CREATE TABLE sluice.example(id bigint);")));

        assertThatThrownBy(edited::migrate)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("V1__example.sql was changed after it was applied");
    }

    @Test
    void aFailingFileLeavesNothingBehindAndIsReported() throws SQLException {
        TestDatabase database = SharedPostgres.newDatabase("ControllerSchemaFailing");
        ControllerSchema broken = new ControllerSchema(database.dataSource(), List.of(
                migration(1, "CREATE TABLE sluice.kept(id int);"),
                migration(2, "CREATE TABLE sluice.half(id int); SELECT no_such_function();")));

        assertThatThrownBy(broken::migrate).hasMessageContaining("controller migration V2__example.sql failed at line 1")
                .hasMessageContaining("no_such_function");

        assertThat(queryInt(database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'sluice' AND tablename = 'half'")).isZero();
        assertThat(queryInt(database, "SELECT count(*) FROM sluice.schema_history WHERE version = '1'")).isEqualTo(1);
    }

    @Test
    void replicasStartingTogetherApplyEachFileOnce() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("ControllerSchemaReplicas");
        List<MigrationSource> files = List.of(
                migration(1, "CREATE TABLE sluice.a(id int); SELECT pg_sleep(0.2);"),
                migration(2, "CREATE TABLE sluice.b(id int);"));
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<String>>> starts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                starts.add(() -> new ControllerSchema(database.dataSource(), files).migrate());
            }
            List<String> appliedByAnyone = new ArrayList<>();
            for (Future<List<String>> result : replicas.invokeAll(starts)) {
                appliedByAnyone.addAll(result.get());
            }
            assertThat(appliedByAnyone).containsExactlyInAnyOrder("1", "2");
        } finally {
            replicas.shutdownNow();
        }
        assertThat(queryInt(database, "SELECT count(*) FROM sluice.schema_history")).isEqualTo(2);
    }

    private static MigrationSource migration(int version, String sql) {
        return new MigrationSource("V" + version + "__example.sql", sql);
    }

    private static int queryInt(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
