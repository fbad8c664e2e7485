package dev.sluice.app.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.sluice.app.testing.ShopRepository;
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
import java.util.Map;
import java.util.UUID;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A signed pull_request webhook over real HTTP, a real git repository, a real PostgreSQL, GitHub
 * simulated by WireMock: the comment text is compared with a golden file, the check run carries the
 * annotations, and a second push edits the same comment.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PullRequestReviewEndToEndTest implements TestPropertyProvider {

    static final String SECRET = "e2e-secret";
    static final Path GOLDEN = Path.of("src/test/resources/golden/pull-request-review.md");

    private final TestDatabase database = SharedPostgres.newDatabase(getClass().getSimpleName());
    /** The dev environment's target: V1 applied, some accounts in it. */
    private final TestDatabase devTarget = SharedPostgres.newDatabase("E2eDevTarget");
    private final WireMockServer github = new WireMockServer(options().dynamicPort());
    private final Path folder;
    private final ShopRepository shop;
    private final RevCommit base;
    private RevCommit head;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DeliveryWorker worker;

    PullRequestReviewEndToEndTest() throws Exception {
        github.start();
        folder = Files.createTempDirectory("sluice-e2e");
        shop = new ShopRepository(folder);
        shop.write("sluice.yaml", """
                migrations: db/migrations
                environments:
                  - name: dev
                    targets: [dev]
                    review: relaxed
                  - name: prod
                    targets: [prod]
                    review: strict
                """);
        shop.write("db/migrations/V1__accounts.sql", "CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text);\n");
        base = shop.commit("accounts");
        shop.branchFromMain("orders");
        shop.write("db/migrations/V2__orders.sql", """
                CREATE TABLE orders (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    account_id bigint NOT NULL REFERENCES accounts (id),
                    created timestamp NOT NULL DEFAULT now()
                );
                CREATE INDEX accounts_email_idx ON accounts (email);
                """);
        head = shop.commit("orders");
        shop.publish(7, head);
        new dev.sluice.rollout.engine.MigrationRunner(java.time.Clock.systemUTC()).migrate(
                dev.sluice.rollout.engine.JdbcTargets.of("dev", devTarget.jdbcUrl(), devTarget.username(), devTarget.password()),
                new dev.sluice.rollout.engine.MigrationResolver(17).resolve(java.util.List.of(new dev.sluice.rollout.engine.MigrationSource(
                        "V1__accounts.sql", Files.readString(shop.work().resolve("db/migrations/V1__accounts.sql"))))),
                dev.sluice.rollout.engine.RunSettings.defaults("test"), dev.sluice.rollout.engine.RolloutListener.NONE);
    }

    @AfterAll
    void stop() {
        github.stop();
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = dev.sluice.app.pipeline.GitHubSimulation.controllerProperties(database, github, folder, SECRET);
        properties.put("sluice.targets.dev.url", devTarget.jdbcUrl());
        properties.put("sluice.targets.dev.username", devTarget.username());
        properties.put("sluice.targets.dev.password", devTarget.password());
        return properties;
    }

    private void stubGitHub(String existingComments) {
        github.resetAll();
        String json = "application/json";
        github.stubFor(WireMock.get(urlEqualTo("/app")).willReturn(aResponse().withHeader("Content-Type", json).withBody("{\"id\":12345,\"slug\":\"sluice\"}")));
        github.stubFor(WireMock.get(urlEqualTo("/app/installations/42")).willReturn(aResponse().withHeader("Content-Type", json)
                .withBody("{\"id\":42,\"access_tokens_url\":\"" + github.baseUrl() + "/app/installations/42/access_tokens\"}")));
        github.stubFor(post(urlEqualTo("/app/installations/42/access_tokens")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", json).withBody("{\"token\":\"ghs_e2e\",\"expires_at\":\"2099-01-01T00:00:00Z\"}")));
        github.stubFor(WireMock.get(urlEqualTo("/repos/acme/shop")).willReturn(aResponse().withHeader("Content-Type", json)
                .withBody("{\"id\":1,\"name\":\"shop\",\"full_name\":\"acme/shop\",\"owner\":{\"login\":\"acme\"},\"default_branch\":\"main\","
                        + "\"url\":\"" + github.baseUrl() + "/repos/acme/shop\"}")));
        github.stubFor(WireMock.get(urlEqualTo("/repos/acme/shop/pulls/7")).willReturn(aResponse().withHeader("Content-Type", json)
                .withBody("{\"number\":7,\"url\":\"" + github.baseUrl() + "/repos/acme/shop/pulls/7\",\"issue_url\":\""
                        + github.baseUrl() + "/repos/acme/shop/issues/7\",\"head\":{\"sha\":\"" + head.name() + "\"},\"base\":{\"sha\":\""
                        + base.name() + "\",\"ref\":\"main\"}}")));
        github.stubFor(WireMock.get(urlPathEqualTo("/repos/acme/shop/issues/7/comments")).willReturn(aResponse().withHeader("Content-Type", json)
                .withBody(existingComments)));
        github.stubFor(post(urlEqualTo("/repos/acme/shop/issues/7/comments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", json).withBody("{\"id\":1001,\"body\":\"created\"}")));
        github.stubFor(patch(urlEqualTo("/repos/acme/shop/issues/comments/1001")).willReturn(aResponse()
                .withHeader("Content-Type", json).withBody("{\"id\":1001,\"body\":\"updated\"}")));
        github.stubFor(WireMock.get(urlPathEqualTo("/repos/acme/shop/commits/" + head.name() + "/check-runs")).willReturn(aResponse()
                .withHeader("Content-Type", json).withBody("{\"total_count\":0,\"check_runs\":[]}")));
        github.stubFor(post(urlEqualTo("/repos/acme/shop/check-runs")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", json).withBody("{\"id\":555,\"name\":\"sluice/review\"}")));
    }

    private int postPullRequest(String action, RevCommit pullHead) {
        String body = """
                {"action":"%s","number":7,"pull_request":{"number":7,"draft":false,"head":{"sha":"%s","ref":"orders"},
                 "base":{"sha":"%s","ref":"main"}},
                 "repository":{"id":1,"name":"shop","full_name":"acme/shop","owner":{"login":"acme"},"default_branch":"main"},
                 "installation":{"id":42},"sender":{"login":"dev"}}""".formatted(action, pullHead.name(), base.name());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return client.toBlocking().exchange(HttpRequest.POST("/webhooks/github", bytes).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("X-GitHub-Event", "pull_request").header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", WebhookSignature.sign(SECRET, bytes)), String.class).code();
    }

    @Test
    void aPullRequestGetsAStickyCommentAndACheckRunAndASecondPushEditsTheComment() throws Exception {
        stubGitHub("[]");

        assertThat(postPullRequest("opened", head)).isEqualTo(202);
        assertThat(worker.drain()).isEqualTo(1);

        var comments = github.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/issues/7/comments")));
        assertThat(comments).hasSize(1);
        String comment = new ObjectMapper().readTree(comments.getFirst().getBodyAsString()).get("body").asText()
                .replace(head.name().substring(0, 7), "HEADSHA");
        if (!Files.exists(GOLDEN)) {
            Files.writeString(GOLDEN, comment);
        }
        assertThat(comment).isEqualTo(Files.readString(GOLDEN));

        JsonNode checkRun = new ObjectMapper().readTree(github.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/check-runs")))
                .getFirst().getBodyAsString());
        assertThat(checkRun.get("name").asText()).isEqualTo("sluice/review");
        assertThat(checkRun.get("head_sha").asText()).isEqualTo(head.name());
        assertThat(checkRun.get("conclusion").asText()).isEqualTo("failure");
        JsonNode annotation = checkRun.at("/output/annotations/0");
        assertThat(annotation.get("path").asText()).isEqualTo("db/migrations/V2__orders.sql");
        assertThat(checkRun.at("/output/annotations").findValuesAsText("title")).contains("index-not-concurrent", "prefer-timestamptz");

        // A second push fixes the index: the same comment is edited, no second one appears.
        shop.write("db/migrations/V2__orders.sql", """
                CREATE TABLE orders (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    account_id bigint NOT NULL REFERENCES accounts (id),
                    created timestamptz NOT NULL DEFAULT now()
                );
                CREATE INDEX orders_account_id_idx ON orders (account_id);
                """);
        head = shop.commit("fix");
        shop.publish(7, head);
        stubGitHub("[{\"id\":1001,\"body\":\"<!-- sluice:review -->\\nold\",\"url\":\"" + github.baseUrl()
                + "/repos/acme/shop/issues/comments/1001\"}]");

        assertThat(postPullRequest("synchronize", head)).isEqualTo(202);
        worker.drain();

        assertThat(github.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/issues/7/comments")))).isEmpty();
        var edits = github.findAll(patchRequestedFor(urlEqualTo("/repos/acme/shop/issues/comments/1001")));
        assertThat(edits).hasSize(1);
        assertThat(new ObjectMapper().readTree(edits.getFirst().getBodyAsString()).get("body").asText())
                .startsWith("<!-- sluice:review -->\n### SQL review: 0 errors");
        assertThat(new ObjectMapper().readTree(github.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/check-runs")))
                .getFirst().getBodyAsString()).get("conclusion").asText()).isEqualTo("success");

        // "/sluice plan" in a new comment reviews the head again and edits the same comment once more.
        String command = """
                {"action":"created","issue":{"number":7,"pull_request":{"url":"x"}},
                 "comment":{"id":77,"body":"/sluice plan","user":{"login":"dev","type":"User"}},
                 "repository":{"id":1,"name":"shop","full_name":"acme/shop","owner":{"login":"acme"},"default_branch":"main"},
                 "installation":{"id":42}}""";
        byte[] bytes = command.getBytes(StandardCharsets.UTF_8);
        assertThat(client.toBlocking().exchange(HttpRequest.POST("/webhooks/github", bytes).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("X-GitHub-Event", "issue_comment").header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", WebhookSignature.sign(SECRET, bytes)), String.class).code()).isEqualTo(202);
        worker.drain();
        assertThat(github.findAll(patchRequestedFor(urlEqualTo("/repos/acme/shop/issues/comments/1001")))).hasSize(2);
    }
}
