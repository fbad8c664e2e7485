package dev.sluice.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the packaged jar the way a newcomer does, with a temporary folder as the user's home. */
class ServeProcessIT {

    private static final Duration START_LIMIT = Duration.ofMinutes(2);

    @TempDir
    Path userHome;

    @Test
    void servesFromAnEmbeddedDatabaseThatSurvivesARestart() throws Exception {
        int postgresPort = SluiceProcess.freePort();
        try (SluiceProcess first = SluiceProcess.serve(userHome, SluiceProcess.freePort(), postgresPort, "first")) {
            first.awaitHealthy(START_LIMIT);

            assertThat(databases(postgresPort)).contains("sluice", "sample_dev", "sample_staging", "sample_prod");
            execute(postgresPort, "sample_dev", "CREATE TABLE kept(note text); INSERT INTO kept VALUES ('written before the restart')");
            assertThat(first.output()).contains("serving on http://localhost:" + first.httpPort);

            first.stop();
            assertThat(first.output()).contains("Stopping Sluice");
        }
        assertThat(portAnswers(postgresPort)).as("embedded PostgreSQL stopped with the controller").isFalse();

        try (SluiceProcess second = SluiceProcess.serve(userHome, SluiceProcess.freePort(), postgresPort, "second")) {
            second.awaitHealthy(START_LIMIT);

            assertThat(query(postgresPort, "sample_dev", "SELECT note FROM kept")).containsExactly("written before the restart");
            assertThat(query(postgresPort, "sluice", "SELECT action FROM sluice.audit_event ORDER BY id"))
                    .containsExactly("controller.started", "controller.started");
            assertThat(query(postgresPort, "sluice", "SELECT version FROM sluice.schema_history"))
                    .as("each controller migration applied once, not again on restart").contains("1", "2").doesNotHaveDuplicates();
            assertThat(userHome.resolve(".sluice/postgres/data/PG_VERSION")).exists();
        }
    }

    @Test
    void aSecondServeOnTheSameFolderExitsNamingTheFolder() throws Exception {
        try (SluiceProcess first = SluiceProcess.serve(userHome, SluiceProcess.freePort(), SluiceProcess.freePort(), "first")) {
            first.awaitHealthy(START_LIMIT);

            SluiceProcess second = SluiceProcess.serve(userHome, SluiceProcess.freePort(), SluiceProcess.freePort(), "second");
            int exitCode = second.awaitExit(Duration.ofMinutes(1));

            assertThat(exitCode).isNotZero();
            assertThat(second.output())
                    .contains("already using " + userHome.resolve(".sluice"))
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
            first.awaitHealthy(Duration.ofSeconds(10)); // the first one is unharmed
        }
    }

    @Test
    void aMisspeltLogFormatStopsTheStartInsteadOfLoggingNothing() throws Exception {
        SluiceProcess process = SluiceProcess.serve(userHome, SluiceProcess.freePort(), List.of(),
                Map.of("SLUICE_LOG_FORMAT", "jsno"), "misspelt");
        int exitCode = process.awaitExit(Duration.ofMinutes(1));

        assertThat(exitCode).isEqualTo(2);
        assertThat(process.output()).contains("SLUICE_LOG_FORMAT is \"jsno\": use text (the default) or json.")
                .doesNotContain("\tat ");
    }

    @Test
    void recoversAfterBeingKilledWithoutAChanceToCleanUp() throws Exception {
        int postgresPort = SluiceProcess.freePort();
        try (SluiceProcess first = SluiceProcess.serve(userHome, SluiceProcess.freePort(), postgresPort, "first")) {
            first.awaitHealthy(START_LIMIT);
            execute(postgresPort, "sample_prod", "CREATE TABLE committed(id int); INSERT INTO committed VALUES (42)");
            first.kill();
        }
        assertThat(portAnswers(postgresPort)).as("the killed controller's PostgreSQL is still running").isTrue();

        try (SluiceProcess second = SluiceProcess.serve(userHome, SluiceProcess.freePort(), postgresPort, "second")) {
            second.awaitHealthy(START_LIMIT);
            assertThat(second.output()).contains("left running");
            assertThat(query(postgresPort, "sample_prod", "SELECT id::text FROM committed")).containsExactly("42");
        }
    }

    @Test
    void usesTheConfiguredControllerDatabaseAndStartsNoEmbeddedOne() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("ServeConfiguredDatasource");
        Map<String, String> environment = Map.of(
                "DATASOURCES_DEFAULT_URL", database.jdbcUrl(),
                "DATASOURCES_DEFAULT_USERNAME", database.username(),
                "DATASOURCES_DEFAULT_PASSWORD", database.password());
        try (SluiceProcess serve = SluiceProcess.serve(userHome, SluiceProcess.freePort(), List.of(), environment, "configured")) {
            serve.awaitHealthy(START_LIMIT);

            assertThat(serve.output()).contains("controller database " + database.jdbcUrl()).doesNotContain(database.password());
        }
        assertThat(userHome.resolve(".sluice")).doesNotExist();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM sluice.audit_event WHERE action = 'controller.started'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void thePackagedJarAcceptsASignedWebhook() throws Exception {
        // With GitHub configured, every handler (GitHub client, JGit, review) is created: a class missing from the jar fails here.
        Map<String, String> environment = Map.of("SLUICE_GITHUB_WEBHOOK_SECRET", "it-secret", "SLUICE_REPOSITORIES", "acme/shop",
                "SLUICE_GITHUB_TOKEN", "ghp_it", "SLUICE_GITHUB_API_URL", "http://localhost:1",
                "SLUICE_GIT_MIRRORS", userHome.resolve("mirrors").toString());
        try (SluiceProcess serve = SluiceProcess.serve(userHome, SluiceProcess.freePort(),
                List.of("--embedded-postgres-port", Integer.toString(SluiceProcess.freePort())), environment, "webhook")) {
            serve.awaitHealthy(START_LIMIT);
            byte[] body = ("{\"action\":\"opened\",\"number\":1,\"pull_request\":{\"number\":1},"
                    + "\"repository\":{\"full_name\":\"acme/shop\"},\"installation\":{\"id\":1}}").getBytes(StandardCharsets.UTF_8);
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + serve.httpPort + "/webhooks/github"))
                    .header("X-GitHub-Event", "pull_request").header("X-GitHub-Delivery", "it-1")
                    .header("X-Hub-Signature-256", dev.sluice.webhooks.intake.WebhookSignature.sign("it-secret", body))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        }
    }

    @Test
    void anUnreachableConfiguredDatabaseIsOneClearLine() throws Exception {
        int closedPort = SluiceProcess.freePort();
        Map<String, String> environment = Map.of(
                "DATASOURCES_DEFAULT_URL", "jdbc:postgresql://localhost:" + closedPort + "/sluice",
                "DATASOURCES_DEFAULT_USERNAME", "sluice",
                "DATASOURCES_DEFAULT_PASSWORD", "not-shown-anywhere");
        SluiceProcess serve = SluiceProcess.serve(userHome, SluiceProcess.freePort(), List.of(), environment, "unreachable");

        assertThat(serve.awaitExit(Duration.ofMinutes(1))).isEqualTo(1);
        assertThat(serve.output())
                .contains("sluice: the controller database did not answer")
                .contains("localhost:" + closedPort)
                .doesNotContain("not-shown-anywhere")
                .doesNotContain("\tat ");
    }

    private String password() throws Exception {
        return Files.readString(userHome.resolve(".sluice/postgres/password"), StandardCharsets.UTF_8).strip();
    }

    private Connection connect(int port, String database) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, "postgres", password());
    }

    private List<String> databases(int port) throws Exception {
        return query(port, "postgres", "SELECT datname FROM pg_database");
    }

    private void execute(int port, String database, String sql) throws Exception {
        try (Connection connection = connect(port, database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> query(int port, String database, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect(port, database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private boolean portAnswers(int port) {
        try (Connection ignored = connect(port, "postgres")) {
            return true;
        } catch (SQLException e) {
            return !(e.getSQLState() != null && e.getSQLState().startsWith("08"));
        } catch (Exception e) {
            return false;
        }
    }
}
