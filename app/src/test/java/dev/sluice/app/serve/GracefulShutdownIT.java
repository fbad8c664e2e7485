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
 * SIGTERM in the middle of a slow tenant rollout: the controller stops starting databases, lets
 * the one it is migrating finish within {@code sluice.shutdown.grace}, exits, and leaves the
 * deployment running for the next controller, which finishes it with every migration applied once.
 * The first process logs JSON, with the work's context under "mdc".
 */
class GracefulShutdownIT {

    static final int TENANTS = 6;
    static final String POLICY = """
            migrations: db/migrations
            environments:
              - name: prod
                targets: [tenants]
            """;

    @TempDir
    Path userHome;

    @Test
    void aStoppedControllerFinishesItsDatabaseExitsWithinTheGraceAndTheNextOneCarriesOn() throws Exception {
        TestDatabase controller = SharedPostgres.newDatabase("GracefulShutdown");
        ControllerSchema.fromClasspath(controller.dataSource()).migrate();
        EmbeddedPostgres server = SharedPostgres.server();
        String prefix = "graceful_" + ProcessHandle.current().pid() + "_t";
        for (int i = 0; i < TENANTS; i++) {
            server.createDatabaseIfMissing(prefix + i);
        }
        new Releases(new Transactions(controller.dataSource()), Clock.systemUTC()).cut(new NewRelease("acme/shop", "c0ffee",
                Optional.of(7), Optional.of("author"), 42, POLICY, ProjectConfig.parse(POLICY, "sluice.yaml"), List.of(
                        ReleaseFile.of("V1__accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);\nSELECT pg_sleep(3);\n"),
                        ReleaseFile.of("V2__email.sql", "ALTER TABLE accounts ADD COLUMN email text;\n")), false));
        Path config = userHome.resolve("application.yml");
        Files.writeString(config, """
                datasources:
                  default:
                    url: %s
                    username: %s
                    password: %s
                sluice:
                  shutdown:
                    grace: 20s
                  pipeline:
                    poll: 1s
                    initial-delay: 1s
                  targets:
                    tenants:
                      url: %s
                      username: %s
                      password: %s
                      databases: "%s%%"
                      parallel: 1
                """.formatted(controller.jdbcUrl(), controller.username(), controller.password(), controller.jdbcUrlOf("postgres"),
                controller.username(), controller.password(), prefix));

        SluiceProcess first = SluiceProcess.serve(userHome, SluiceProcess.freePort(), List.of(),
                Map.of("MICRONAUT_CONFIG_FILES", config.toString(), "SLUICE_LOG_FORMAT", "json"), "first");
        await(Duration.ofMinutes(2), () -> count(controller, "SELECT count(*) FROM sluice.deployment_target WHERE state = 'succeeded'") >= 1
                && count(controller, "SELECT count(*) FROM sluice.deployment_target WHERE state = 'running'") == 1, first);
        Instant stopped = Instant.now();
        first.stop(); // SIGTERM
        Duration took = Duration.between(stopped, Instant.now());

        assertThat(took).as("exit after SIGTERM").isLessThan(Duration.ofSeconds(20 + 10));
        assertThat(count(controller, "SELECT count(*) FROM sluice.deployment_target WHERE state = 'running'"))
                .as("the database being migrated finished before the exit").isZero();
        assertThat(count(controller, "SELECT count(*) FROM sluice.deployment_target WHERE state = 'failed'")).isZero();
        int done = count(controller, "SELECT count(*) FROM sluice.deployment_target WHERE state = 'succeeded'");
        assertThat(done).as("stopped part way").isBetween(2, TENANTS - 1);
        assertThat(count(controller, "SELECT count(*) FROM sluice.deployment WHERE state = 'running'"))
                .as("left running for the next controller").isEqualTo(1);
        String output = first.output();
        assertThat(output).contains("\"mdc\"", "\"release\"", "\"target\"", "tenants\\/" + prefix, "Shutting down"); // JsonEncoder escapes the slash

        try (SluiceProcess second = SluiceProcess.serve(userHome, SluiceProcess.freePort(), List.of(),
                Map.of("MICRONAUT_CONFIG_FILES", config.toString()), "second")) {
            await(Duration.ofMinutes(2), () -> count(controller, "SELECT count(*) FROM sluice.deployment WHERE state = 'succeeded'") == 1,
                    second);
        }
        for (int i = 0; i < TENANTS; i++) {
            try (Connection connection = server.connect(prefix + i); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT string_agg(version || '=' || n, ',' ORDER BY version) FROM"
                         + " (SELECT version, count(*) FILTER (WHERE success) AS n FROM sluice.schema_history GROUP BY version) h")) {
                rows.next();
                assertThat(rows.getString(1)).as(prefix + i).isEqualTo("1=1,2=1");
            }
        }
        assertThat(count(controller, "SELECT count(*) FROM sluice.audit_event WHERE action = 'target-succeeded'")).isEqualTo(TENANTS);
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void await(Duration limit, Condition condition, SluiceProcess process) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within " + limit + ":\n" + process.output());
            }
            Thread.sleep(100); // watching another process: there is nothing to wait on instead
        }
    }

    static int count(TestDatabase database, String sql) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}
