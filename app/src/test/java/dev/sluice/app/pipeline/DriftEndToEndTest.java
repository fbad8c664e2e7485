package dev.sluice.app.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.sluice.app.testing.ShopRepository.Merged;
import dev.sluice.app.testing.ShopRepository;
import dev.sluice.app.webhook.DeliveryWorker;
import dev.sluice.embedded.EmbeddedPostgres;
import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import dev.sluice.webhooks.intake.WebhookSignature;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 7 through the controller: a release records the target's schema, an out-of-band change is
 * found by the scheduled check (audit, GitHub issue, metric), the next deploy to that target stops
 * with the differences, {@code /sluice baseline} accepts the live schema (audited, issue closed),
 * and a retry then deploys.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriftEndToEndTest implements TestPropertyProvider {

    static final String SECRET = "drift-secret";
    static final String REPOSITORY_JSON = "{\"id\":1,\"name\":\"shop\",\"full_name\":\"acme/shop\",\"owner\":{\"login\":\"acme\"},"
            + "\"default_branch\":\"main\"}";

    private final TestDatabase controller = SharedPostgres.newDatabase(getClass().getSimpleName());
    private final EmbeddedPostgres server = SharedPostgres.server();
    private final String dev = "drift_" + ProcessHandle.current().pid() + "_dev";
    private final WireMockServer wireMock = new WireMockServer(options().dynamicPort());
    private final GitHubSimulation github = new GitHubSimulation(wireMock);
    private final Path folder;
    private final ShopRepository shop;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DeliveryWorker deliveries;

    @Inject
    PipelineWorker pipeline;

    @Inject
    ReportWorker reports;

    @Inject
    DriftWorker drift;

    DriftEndToEndTest() throws Exception {
        wireMock.start();
        server.createDatabaseIfMissing(dev);
        folder = Files.createTempDirectory("sluice-drift");
        shop = new ShopRepository(folder);
        shop.write("sluice.yaml", """
                migrations: db/migrations
                environments:
                  - name: dev
                    targets: [dev]
                """);
        shop.write("db/migrations/.keep", "");
        shop.commit("policy");
    }

    @AfterAll
    void stop() {
        wireMock.stop();
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = GitHubSimulation.controllerProperties(controller, wireMock, folder, SECRET);
        properties.put("sluice.targets.dev.url", controller.jdbcUrlOf(dev));
        properties.put("sluice.targets.dev.username", controller.username());
        properties.put("sluice.targets.dev.password", controller.password());
        return properties;
    }

    private void deliver(String event, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(client.toBlocking().exchange(HttpRequest.POST("/webhooks/github", bytes).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("X-GitHub-Event", event).header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", WebhookSignature.sign(SECRET, bytes)), String.class).code()).isEqualTo(202);
    }

    private void settle() throws SQLException {
        deliveries.drain();
        pipeline.advance();
        reports.sendDue();
    }

    private void merged(Merged pullRequest) throws SQLException {
        int number = pullRequest.number();
        deliver("pull_request", """
                {"action":"closed","number":%d,"pull_request":{"number":%d,"state":"closed","merged":true,"merge_commit_sha":"%s",
                 "user":{"login":"author"},"head":{"sha":"%s","ref":"pr%d"},"base":{"sha":"%s","ref":"main"}},
                 "repository":%s,"installation":{"id":42},"sender":{"login":"author"}}"""
                .formatted(number, number, pullRequest.merge().name(), pullRequest.head().name(), number, pullRequest.base().name(),
                        REPOSITORY_JSON));
        settle();
    }

    private void comment(int number, String actor, String text) throws SQLException {
        deliver("issue_comment", """
                {"action":"created","issue":{"number":%d,"user":{"login":"author"},"pull_request":{"url":"x"}},
                 "comment":{"id":%d,"body":"%s","user":{"login":"%s","type":"User"}},
                 "repository":%s,"installation":{"id":42},"sender":{"login":"%s"}}"""
                .formatted(number, Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000), text, actor, REPOSITORY_JSON, actor));
        settle();
    }

    @Test
    void anOutOfBandChangeIsReportedStopsTheNextDeployAndABaselineAcceptsIt() throws Exception {
        Merged first = shop.mergePullRequest(7, "db/migrations/V1__accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n");
        Merged second = shop.mergePullRequest(8, "db/migrations/V2__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
        github.stub(Map.of("alice", "write"), List.of(), Map.of(7, new String[] {first.head().name(), first.base().name()},
                8, new String[] {second.head().name(), second.base().name()}));

        merged(first);
        assertThat(count(controller, "SELECT count(*) FROM sluice.schema_snapshot WHERE target = 'dev' AND reason = 'apply'")).isEqualTo(1);
        drift.checkAll();
        assertThat(count(controller, "SELECT count(*) FROM sluice.drift_state WHERE drifted")).isZero();

        execute("ALTER TABLE accounts ADD COLUMN age integer");
        drift.checkAll();
        reports.sendDue();

        assertThat(count(controller, "SELECT count(*) FROM sluice.drift_state WHERE drifted AND target = 'dev'")).isEqualTo(1);
        assertThat(count(controller, "SELECT count(*) FROM sluice.audit_event WHERE action = 'drift-detected' AND target = 'dev'"))
                .isEqualTo(1);
        var issues = wireMock.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/issues")));
        assertThat(issues).hasSize(1);
        assertThat(GitHubSimulation.field(issues.getFirst(), "title")).isEqualTo("Schema drift on dev");
        assertThat(GitHubSimulation.field(issues.getFirst(), "body")).contains("column public.accounts.age added: integer")
                .contains("ALTER TABLE public.accounts DROP COLUMN age;");
        String metrics = client.toBlocking().retrieve("/prometheus");
        assertThat(metrics).containsPattern("sluice_drift\\{database=\"\",target=\"dev\"[^}]*} 1\\.0");

        merged(second);
        assertThat(count(controller, "SELECT count(*) FROM sluice.deployment d JOIN sluice.release r ON r.id = d.release_id"
                + " WHERE r.pull_request = 8 AND d.state = 'failed' AND d.reason LIKE '%schema drift%column public.accounts.age added%'"))
                .isEqualTo(1);
        assertThat(count(dev, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'orders'")).isZero();

        comment(8, "alice", "/sluice baseline dev dev");
        assertThat(count(controller, "SELECT count(*) FROM sluice.audit_event WHERE action = 'schema-baseline' AND actor = 'alice'"))
                .isEqualTo(1);
        assertThat(count(controller, "SELECT count(*) FROM sluice.drift_state WHERE drifted")).isZero();
        assertThat(wireMock.findAll(patchRequestedFor(urlEqualTo("/repos/acme/shop/issues/31"))).getLast().getBodyAsString())
                .contains("closed");

        comment(8, "alice", "/sluice retry dev");
        assertThat(count(dev, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'orders'")).isEqualTo(1);
        drift.checkAll();
        assertThat(count(controller, "SELECT count(*) FROM sluice.drift_state WHERE drifted")).isZero();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = server.connect(dev); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int count(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }

    private int count(String database, String sql) throws SQLException {
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}
