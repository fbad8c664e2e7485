package dev.sluice.app.pipeline;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
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
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 6 from merge to production, over real HTTP with signed webhooks, a real git repository, a
 * real PostgreSQL with dev, staging and prod databases and a 20-database tenant group, and GitHub
 * simulated by WireMock. The deliveries, the pipeline and the outbox are worked inline.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReleasePromotionEndToEndTest implements TestPropertyProvider {

    static final String SECRET = "promotion-secret";
    static final int TENANTS = 20;
    static final String REPOSITORY_JSON = "{\"id\":1,\"name\":\"shop\",\"full_name\":\"acme/shop\",\"owner\":{\"login\":\"acme\"},"
            + "\"default_branch\":\"main\"}";

    private final TestDatabase controller = SharedPostgres.newDatabase(getClass().getSimpleName());
    private final EmbeddedPostgres server = SharedPostgres.server();
    private final String prefix = "e2e_" + ProcessHandle.current().pid() + "_";
    private final WireMockServer wireMock = new WireMockServer(options().dynamicPort());
    private final GitHubSimulation github = new GitHubSimulation(wireMock);
    private final Path folder;
    private final ShopRepository shop;
    private final RevCommit base;
    private final RevCommit feature;
    private final RevCommit merge;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DeliveryWorker deliveries;

    @Inject
    PipelineWorker pipeline;

    @Inject
    ReportWorker reports;

    ReleasePromotionEndToEndTest() throws Exception {
        wireMock.start();
        for (String single : List.of("dev", "staging", "prod")) {
            server.createDatabaseIfMissing(prefix + single);
        }
        for (int i = 0; i < TENANTS; i++) {
            server.createDatabaseIfMissing(tenant(i));
        }
        folder = Files.createTempDirectory("sluice-promotion");
        shop = new ShopRepository(folder);
        shop.write("sluice.yaml", """
                migrations: db/migrations
                environments:
                  - name: dev
                    targets: [dev]
                  - name: staging
                    targets: [staging]
                    approval: { approvers: ["@acme/dba", "alice"], required: 1 }
                  - name: prod
                    targets: [prod, tenants]
                    approval: { approvers: ["@acme/dba"], required: 2 }
                """);
        shop.write("db/migrations/V1__accounts.sql", "CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);\n");
        base = shop.commit("accounts");
        shop.branchFromMain("orders");
        shop.write("db/migrations/V2__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint);\n");
        shop.write("db/migrations/U2__orders.sql", "DROP TABLE orders;\n");
        feature = shop.commit("orders");
        merge = shop.mergeIntoMain(feature, "Merge #7");
        shop.publish(7, feature);
    }

    private String tenant(int i) {
        return prefix + "tenant" + String.format("%02d", i);
    }

    @AfterAll
    void stop() {
        wireMock.stop();
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = GitHubSimulation.controllerProperties(controller, wireMock, folder, SECRET);
        for (String single : List.of("dev", "staging", "prod")) {
            properties.put("sluice.targets." + single + ".url", controller.jdbcUrlOf(prefix + single));
            properties.put("sluice.targets." + single + ".username", controller.username());
            properties.put("sluice.targets." + single + ".password", controller.password());
        }
        properties.put("sluice.targets.tenants.url", controller.jdbcUrlOf("postgres"));
        properties.put("sluice.targets.tenants.username", controller.username());
        properties.put("sluice.targets.tenants.password", controller.password());
        properties.put("sluice.targets.tenants.databases", prefix + "tenant%");
        properties.put("sluice.targets.tenants.parallel", "2");
        properties.put("sluice.targets.tenants.waves", "1,25%,100%");
        properties.put("sluice.targets.tenants.max-failures", "5");
        return properties;
    }

    private void stubGitHub() {
        github.stub(Map.of("alice", "write", "dba1", "write", "dba2", "write", "author", "write", "eve", "read"),
                List.of("dba1", "dba2", "author"), Map.of(7, new String[] {feature.name(), base.name()}));
    }

    private int deliver(String event, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return client.toBlocking().exchange(HttpRequest.POST("/webhooks/github", bytes).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("X-GitHub-Event", event).header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", WebhookSignature.sign(SECRET, bytes)), String.class).code();
    }

    /** Works everything that is due: the deliveries, the pipeline, then the reports to GitHub. */
    private void settle() throws SQLException {
        deliveries.drain();
        pipeline.advance();
        reports.sendDue();
    }

    private String mergedEvent() {
        return """
                {"action":"closed","number":7,"pull_request":{"number":7,"state":"closed","merged":true,"merge_commit_sha":"%s",
                 "user":{"login":"author"},"head":{"sha":"%s","ref":"orders"},"base":{"sha":"%s","ref":"main"}},
                 "repository":%s,"installation":{"id":42},"sender":{"login":"author"}}"""
                .formatted(merge.name(), feature.name(), base.name(), REPOSITORY_JSON);
    }

    private void comment(String actor, String text) throws SQLException {
        comment(7, actor, text);
    }

    private void comment(int number, String actor, String text) throws SQLException {
        String body = """
                {"action":"created","issue":{"number":%d,"user":{"login":"author"},"pull_request":{"url":"x"}},
                 "comment":{"id":%d,"body":"%s","user":{"login":"%s","type":"User"}},
                 "repository":%s,"installation":{"id":42},"sender":{"login":"%s"}}"""
                .formatted(number, Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000), text, actor, REPOSITORY_JSON, actor);
        assertThat(deliver("issue_comment", body)).isEqualTo(202);
        settle();
    }

    private String lastReply() {
        return lastReply(7);
    }

    private String lastReply(int number) {
        List<String> replies = github.commentsPosted(number).stream().filter(text -> !text.startsWith("<!--")).toList();
        return replies.isEmpty() ? "" : replies.getLast();
    }

    @Test
    @Order(1)
    void fromMergeToProductionThroughApprovalsWavesAFailureAndARetry() throws Exception {
        stubGitHub();
        execute(tenant(13), "CREATE TABLE orders (id int)"); // V2 fails there

        assertThat(deliver("pull_request", mergedEvent())).isEqualTo(202);
        settle();

        assertThat(count("SELECT count(*) FROM sluice.release")).isEqualTo(1);
        assertThat(applied(prefix + "dev", "2")).isEqualTo(1);
        assertThat(applied(prefix + "staging", "1")).isZero();
        assertThat(github.deployCheckStates("dev")).endsWith("completed:success");
        assertThat(github.deployCheckStates("staging")).containsExactly("queued");
        assertThat(github.releaseComment(7)).contains("<!-- sluice:release -->").contains("dev").contains("staging");

        comment("eve", "/sluice approve staging");
        assertThat(lastReply()).contains("eve").contains("write");
        assertThat(applied(prefix + "staging", "1")).isZero();

        comment("alice", "/sluice approve staging");
        assertThat(applied(prefix + "staging", "2")).isEqualTo(1);
        assertThat(github.deployCheckStates("staging")).endsWith("completed:success");
        assertThat(applied(prefix + "prod", "1")).isZero();

        comment("author", "/sluice approve prod");
        assertThat(lastReply()).containsIgnoringCase("author");
        comment("dba1", "/sluice approve prod");
        assertThat(applied(prefix + "prod", "1")).isZero();
        comment("dba2", "/sluice approve prod");

        assertThat(applied(prefix + "prod", "2")).isEqualTo(1);
        for (int i = 0; i < TENANTS; i++) {
            assertThat(applied(tenant(i), "2")).as(tenant(i)).isEqualTo(i == 13 ? 0 : 1);
        }
        assertThat(github.deployCheckStates("prod")).endsWith("completed:failure");
        assertThat(github.releaseComment(7)).contains(tenant(13)).contains("42P07").contains("@dba1").contains("@dba2");

        execute(tenant(13), "DROP TABLE orders");
        comment("dba1", "/sluice retry prod");

        assertThat(applied(tenant(13), "2")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM sluice.deployment_target WHERE attempts = 2")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM sluice.deployment_target WHERE attempts > 2")).isZero();
        assertThat(github.deployCheckStates("prod")).endsWith("completed:success");
        assertThat(count("SELECT count(*) FROM sluice.audit_event WHERE action = 'approval-refused'")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM sluice.audit_event WHERE action = 'approval-given'")).isEqualTo(3);
    }

    @Test
    @Order(2)
    void aRedeliveredMergeCutsNoSecondReleaseAndARollbackAppliesTheDownMigration() throws Exception {
        stubGitHub();
        assertThat(deliver("pull_request", mergedEvent())).isEqualTo(202);
        settle();
        assertThat(count("SELECT count(*) FROM sluice.release")).isEqualTo(1);

        comment("alice", "/sluice rollback dev");
        assertThat(lastReply()).contains("no earlier release").contains("--to");

        comment("alice", "/sluice rollback dev --to 1");

        assertThat(lastReply()).contains("back to version 1");
        assertThat(count(prefix + "dev", "SELECT count(*) FROM information_schema.tables WHERE table_name = 'orders'")).isZero();
        assertThat(count(prefix + "dev", "SELECT count(*) FROM sluice.schema_history WHERE direction = 'down' AND success")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM sluice.audit_event WHERE action = 'rollback-succeeded'")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void anApprovalGivenBeforeTheMergeIsVoidedByAPushThatChangesTheMigrations() throws Exception {
        shop.branchFromMain("invoices");
        shop.write("db/migrations/V3__invoices.sql", "CREATE TABLE invoices (id bigint PRIMARY KEY);\n");
        RevCommit first = shop.commit("invoices");
        shop.publish(8, first);
        github.stub(Map.of("alice", "write"), List.of(), Map.of(8, new String[] {first.name(), merge.name()}));

        comment(8, "alice", "/sluice approve staging");
        assertThat(count("SELECT count(*) FROM sluice.approval WHERE pull_request = 8 AND voided_at IS NULL")).isEqualTo(1);

        shop.write("db/migrations/V3__invoices.sql", "CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric);\n");
        RevCommit second = shop.commit("invoices: total");
        shop.publish(8, second);
        github.stub(Map.of("alice", "write"), List.of(), Map.of(8, new String[] {second.name(), merge.name()}));
        String synchronize = """
                {"action":"synchronize","number":8,"pull_request":{"number":8,"state":"open","draft":false,"user":{"login":"author"},
                 "head":{"sha":"%s","ref":"invoices"},"base":{"sha":"%s","ref":"main"}},
                 "repository":%s,"installation":{"id":42},"sender":{"login":"author"}}"""
                .formatted(second.name(), merge.name(), REPOSITORY_JSON);
        assertThat(deliver("pull_request", synchronize)).isEqualTo(202);
        settle();

        assertThat(count("SELECT count(*) FROM sluice.approval WHERE pull_request = 8 AND voided_at IS NULL")).isZero();
        assertThat(count("SELECT count(*) FROM sluice.audit_event WHERE action = 'approval-voided'")).isEqualTo(1);
        assertThat(lastReply(8)).contains("alice").contains("staging").contains("approve again");
    }

    private void execute(String database, String sql) throws SQLException {
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private int applied(String database, String version) throws SQLException {
        try {
            return count(database, "SELECT count(*) FROM sluice.schema_history WHERE version = '" + version + "' AND success"
                    + " AND direction = 'up'");
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0;
            }
            throw e;
        }
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = controller.connect(); Statement statement = connection.createStatement();
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
