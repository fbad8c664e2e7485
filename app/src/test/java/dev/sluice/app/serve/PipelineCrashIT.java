package dev.sluice.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.embedded.EmbeddedPostgres;
import dev.sluice.rollout.config.ProjectConfig;
import dev.sluice.rollout.controller.ControllerSchema;
import dev.sluice.rollout.controller.Transactions;
import dev.sluice.rollout.release.NewRelease;
import dev.sluice.rollout.release.ReleaseFile;
import dev.sluice.rollout.release.Releases;
import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller process is killed (SIGKILL, no shutdown) in the middle of a tenant rollout and
 * started again: the rollout finishes, and every migration is recorded exactly once per database.
 */
class PipelineCrashIT {

    static final int TENANTS = 20;
    static final String POLICY = """
            migrations: db/migrations
            environments:
              - name: prod
                targets: [tenants]
            """;

    @TempDir
    Path userHome;

    @Test
    void aControllerKilledDuringTheTenantWavesFinishesTheRolloutAfterARestartApplyingEachMigrationOnce() throws Exception {
        TestDatabase controller = SharedPostgres.newDatabase("PipelineCrash");
        ControllerSchema.fromClasspath(controller.dataSource()).migrate();
        EmbeddedPostgres server = SharedPostgres.server();
        String prefix = "crash_" + ProcessHandle.current().pid() + "_t";
        for (int i = 0; i < TENANTS; i++) {
            server.createDatabaseIfMissing(prefix + String.format("%02d", i));
        }
        // Each tenant takes about a second, so the kill lands mid-way.
        new Releases(new Transactions(controller.dataSource()), Clock.systemUTC()).cut(new NewRelease("acme/shop", "c0ffee",
                Optional.of(7), Optional.of("author"), 42, POLICY, ProjectConfig.parse(POLICY, "sluice.yaml"), List.of(
                        ReleaseFile.of("V1__accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);\nSELECT pg_sleep(1);\n"),
                        ReleaseFile.of("V2__email.sql", "ALTER TABLE accounts ADD COLUMN email text;\n")), false));
        Path config = userHome.resolve("application.yml");
        Files.writeString(config, """
                datasources:
                  default:
                    url: %s
                    username: %s
                    password: %s
                sluice:
                  pipeline:
                    poll: 1s
                    initial-delay: 1s
                  targets:
                    tenants:
                      url: %s
                      username: %s
                      password: %s
                      databases: "%s%%"
                      parallel: 2
                      waves: [1, 25%%, 100%%]
                """.formatted(controller.jdbcUrl(), controller.username(), controller.password(), controller.jdbcUrlOf("postgres"),
                controller.username(), controller.password(), prefix));
        Map<String, String> environment = Map.of("MICRONAUT_CONFIG_FILES", config.toString());

        SluiceProcess first = SluiceProcess.serve(userHome, SluiceProcess.freePort(), List.of(), environment, "first");
        try {
            await(Duration.ofMinutes(2), () -> count(controller, "SELECT count(*) FROM sluice.deployment_target WHERE state = 'succeeded'") >= 5,
                    first);
        } finally {
            first.kill();
        }
        int finishedBeforeTheKill = count(controller, "SELECT count(*) FROM sluice.deployment_target WHERE state = 'succeeded'");
        assertThat(finishedBeforeTheKill).isBetween(5, TENANTS - 1);

        try (SluiceProcess second = SluiceProcess.serve(userHome, SluiceProcess.freePort(), List.of(), environment, "second")) {
            await(Duration.ofMinutes(2), () -> count(controller, "SELECT count(*) FROM sluice.deployment WHERE state = 'succeeded'") == 1,
                    second);
        }

        for (int i = 0; i < TENANTS; i++) {
            String tenant = prefix + String.format("%02d", i);
            try (Connection connection = server.connect(tenant); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT version, count(*) FILTER (WHERE success) FROM sluice.schema_history"
                         + " GROUP BY version ORDER BY version")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1) + "=" + rows.getInt(2)).as(tenant).isEqualTo("1=1");
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1) + "=" + rows.getInt(2)).as(tenant).isEqualTo("2=1");
            }
        }
        assertThat(count(controller, "SELECT count(*) FROM sluice.audit_event WHERE action = 'target-succeeded'")).isEqualTo(TENANTS);
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Duration limit, Condition condition, SluiceProcess process) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within " + limit + ":\n" + process.output());
            }
            Thread.sleep(100); // watching another process: there is nothing to wait on instead
        }
    }

    private static int count(TestDatabase database, String sql) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}
