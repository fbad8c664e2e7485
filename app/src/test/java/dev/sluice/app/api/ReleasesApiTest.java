package dev.sluice.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.embedded.EmbeddedPostgres;
import dev.sluice.rollout.config.ProjectConfig;
import dev.sluice.rollout.pipeline.ApprovalSource;
import dev.sluice.rollout.pipeline.Approvals;
import dev.sluice.rollout.pipeline.CommandOutcome;
import dev.sluice.rollout.pipeline.Pipeline;
import dev.sluice.rollout.release.NewRelease;
import dev.sluice.rollout.release.Release;
import dev.sluice.rollout.release.ReleaseFile;
import dev.sluice.rollout.release.Releases;
import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * /api/releases and /api/environments over HTTP, on state made by the real stores: releases cut,
 * the pipeline run against real dev, staging and prod databases, approvals given, a rollback, a pause.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleasesApiTest implements TestPropertyProvider {

    static final String SHOP = "acme/shop";
    static final String BILLING = "acme/billing";
    static final String POLICY = """
            migrations: db/migrations
            environments:
              - name: dev
                targets: [dev]
              - name: staging
                targets: [staging]
                approval: { approvers: ["alice", "bob"], required: 2 }
              - name: prod
                targets: [prod]
                approval: { approvers: ["alice"], required: 1 }
            """;

    private final TestDatabase controller = SharedPostgres.newDatabase(getClass().getSimpleName());
    private final String prefix = "api_" + ProcessHandle.current().pid() + "_";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Releases releases;

    @Inject
    Approvals approvals;

    @Inject
    Pipeline pipeline;

    private ApiClient api;
    private Release first;
    private Release second;
    private Release billing;

    @Override
    public Map<String, String> getProperties() {
        EmbeddedPostgres server = SharedPostgres.server();
        Map<String, String> properties = new HashMap<>(controller.micronautDatasource());
        properties.put("sluice.queue.initial-delay", "1h");
        properties.put("sluice.pipeline.initial-delay", "1h");
        properties.put("sluice.pipeline.wake-on-change", "false");
        properties.put("sluice.reports.initial-delay", "1h");
        for (String single : List.of("dev", "staging", "prod")) {
            server.createDatabaseIfMissing(prefix + single);
            properties.put("sluice.targets." + single + ".url", controller.jdbcUrlOf(prefix + single));
            properties.put("sluice.targets." + single + ".username", controller.username());
            properties.put("sluice.targets." + single + ".password", controller.password());
        }
        return properties;
    }

    @BeforeAll
    void promote() {
        api = new ApiClient(http);
        first = cut(SHOP, "c1", 7, "V1__accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);\n");
        pipeline.advance(); // dev runs; staging waits for two approvals
        approvals.give(SHOP, 7, "staging", first.digest(), "alice", ApprovalSource.COMMENT, Optional.of(first));
        pipeline.advance();

        second = cut(SHOP, "c2", 8, "V1__accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);\n",
                "V2__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);\n", "U2__orders.sql", "DROP TABLE orders;\n");
        pipeline.advance(); // second through dev, behind the first in staging
        assertThat(pipeline.rollback(second, "dev", Optional.empty(), "carol")).isInstanceOf(CommandOutcome.Accepted.class);
        pipeline.advance();
        assertThat(pipeline.pause(SHOP, "prod", "dave")).isInstanceOf(CommandOutcome.Accepted.class);

        billing = cut(BILLING, "b1", 3, "V1__invoices.sql", "CREATE TABLE invoices (id bigint PRIMARY KEY);\n");
    }

    private Release cut(String repository, String commit, int pullRequest, String... namesAndContents) {
        List<ReleaseFile> files = new ArrayList<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            files.add(ReleaseFile.of(namesAndContents[i], namesAndContents[i + 1]));
        }
        return releases.cut(new NewRelease(repository, commit, Optional.of(pullRequest), Optional.of("author"), 42, POLICY,
                ProjectConfig.parse(POLICY, "sluice.yaml"), files, false)).release();
    }

    @Test
    void listsReleasesNewestFirstWithTheirStateInEachEnvironment() {
        JsonNode body = api.get("/api/releases").json();

        assertThat(body.get("releases")).extracting(release -> release.get("repository").asText() + " " + release.get("version").asText())
                .containsExactly(BILLING + " " + billing.version(), SHOP + " " + second.version(), SHOP + " " + first.version());
        assertThat(body.get("next").isNull()).isTrue();

        JsonNode shop = body.get("releases").get(2);
        assertThat(shop.get("commit").asText()).isEqualTo("c1");
        assertThat(shop.get("digest").asText()).isEqualTo(first.digest());
        assertThat(shop.get("pullRequest").asInt()).isEqualTo(7);
        assertThat(shop.get("author").asText()).isEqualTo("author");
        assertThat(shop.get("createdAt").asText()).isEqualTo(first.createdAt().toString());
        assertThat(shop.get("files").asInt()).isEqualTo(1);
        JsonNode environments = shop.get("environments");
        assertThat(environments).extracting(environment -> environment.get("environment").asText() + " " + environment.get("state").asText())
                .containsExactly("dev succeeded", "staging waiting", "prod waiting");
        assertThat(environments.get(1).get("reason").asText()).isEqualTo("needs 1 more approval from alice, bob (1 of 2)");
        assertThat(environments.get(1).get("approvals")).extracting(JsonNode::asText).containsExactly("alice");
        assertThat(environments.get(1).get("required").asInt()).isEqualTo(2);
        assertThat(environments.get(0).get("required").asInt()).isZero();
        assertThat(environments.get(2).get("reason").asText()).isEqualTo("waits for staging");

        assertThat(body.get("releases").get(1).get("environments").get(1).get("reason").asText())
                .isEqualTo("queued behind release " + first.version() + " (waiting in staging)");
    }

    @Test
    void pagesWithAnIdCursorAndKeepsTheFilter() {
        JsonNode page = api.get("/api/releases?repository=" + SHOP + "&limit=1").json();
        assertThat(page.get("releases")).extracting(release -> release.get("version").asText()).containsExactly(second.version());
        String next = page.get("next").asText();
        assertThat(next).isEqualTo("/api/releases?repository=acme%2Fshop&limit=1&before=" + second.id());

        JsonNode last = api.get(next).json();
        assertThat(last.get("releases")).extracting(release -> release.get("version").asText()).containsExactly(first.version());
        assertThat(last.get("next").isNull()).isTrue();
    }

    @Test
    void refusesBadPagingWithTheParameterNamed() {
        ApiClient.Answer zero = api.get("/api/releases?limit=0");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().get("message").asText()).isEqualTo("limit must be a whole number from 1 to 500, not \"0\"");
        assertThat(api.get("/api/releases?limit=501").status()).isEqualTo(400);
        ApiClient.Answer cursor = api.get("/api/releases?before=abc");
        assertThat(cursor.status()).isEqualTo(400);
        assertThat(cursor.json().get("message").asText()).startsWith("before must be a whole number");
        assertThat(cursor.body()).doesNotContain("Exception").doesNotContain("at dev.sluice");
    }

    @Test
    void showsOneReleaseWithFilesDeploymentsApprovalsAndTargets() {
        JsonNode release = api.get("/api/releases/" + second.version() + "?repository=" + SHOP).json();

        assertThat(release.get("files")).extracting(file -> file.get("name").asText())
                .containsExactly("U2__orders.sql", "V1__accounts.sql", "V2__orders.sql");
        assertThat(release.get("files").get(0).get("checksum").asText()).isNotBlank();
        assertThat(release.get("files").get(0).has("content")).isFalse();

        JsonNode deployments = release.get("deployments");
        assertThat(deployments).extracting(d -> d.get("kind").asText() + " " + d.get("environment").asText() + " " + d.get("state").asText())
                .containsExactly("deploy dev succeeded", "deploy staging waiting", "deploy prod waiting", "rollback dev succeeded");
        JsonNode dev = deployments.get(0);
        assertThat(dev.get("attempt").asInt()).isEqualTo(1);
        assertThat(dev.get("startedAt").asText()).isNotBlank();
        assertThat(dev.get("finishedAt").asText()).isNotBlank();
        JsonNode target = dev.get("targets").get(0);
        assertThat(target.get("target").asText()).isEqualTo("dev");
        assertThat(target.get("database").asText()).isEmpty();
        assertThat(target.get("state").asText()).isEqualTo("succeeded");
        assertThat(target.get("versions")).extracting(JsonNode::asText).containsExactly("2");
        assertThat(target.get("attempts").asInt()).isEqualTo(1);
        assertThat(target.get("durationMs").isNumber()).isTrue();

        JsonNode rollback = deployments.get(3);
        assertThat(rollback.get("toVersion").asText()).isEqualTo("1");
        assertThat(rollback.get("requestedBy").asText()).isEqualTo("carol");
        assertThat(rollback.get("targets").get(0).get("versions")).extracting(JsonNode::asText).containsExactly("2");

        JsonNode staging = api.get("/api/releases/" + first.version() + "?repository=" + SHOP).json().get("deployments").get(1);
        assertThat(staging.get("approvals")).hasSize(1);
        assertThat(staging.get("approvals").get(0).get("actor").asText()).isEqualTo("alice");
        assertThat(staging.get("approvals").get(0).get("source").asText()).isEqualTo("comment");
        assertThat(staging.get("approvals").get(0).get("givenAt").asText()).endsWith("Z");
        assertThat(staging.get("startedAt").isNull()).isTrue();
        assertThat(staging.get("targets")).isEmpty();
    }

    @Test
    void aVersionTwoRepositoriesShareNeedsTheRepository() {
        assertThat(first.version()).as("both are the first release of their repository today").isEqualTo(billing.version());

        ApiClient.Answer ambiguous = api.get("/api/releases/" + first.version());
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.json().get("message").asText())
                .isEqualTo("release " + first.version() + " exists in acme/billing, acme/shop: name one with ?repository=");

        assertThat(api.get("/api/releases/" + first.version() + "?repository=" + BILLING).json().get("commit").asText()).isEqualTo("b1");
        assertThat(api.get("/api/releases/" + second.version()).json().get("commit").asText()).as("unique: no repository needed")
                .isEqualTo("c2");
    }

    @Test
    void anUnknownReleaseIsA404WithAMessage() {
        ApiClient.Answer missing = api.get("/api/releases/19990101.1");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("message").asText()).isEqualTo("no release 19990101.1");
        ApiClient.Answer elsewhere = api.get("/api/releases/" + second.version() + "?repository=acme/other");
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.json().get("message").asText()).isEqualTo("no release " + second.version() + " in acme/other");
    }

    @Test
    void environmentsShowWhatIsDeployedWhatComesNextPausesAndTheQueue() {
        JsonNode environments = api.get("/api/environments").json().get("environments");

        assertThat(environments).extracting(e -> e.get("repository").asText() + " " + e.get("environment").asText())
                .containsExactly("acme/billing dev", "acme/billing staging", "acme/billing prod",
                        "acme/shop dev", "acme/shop staging", "acme/shop prod");

        JsonNode dev = environments.get(3);
        assertThat(dev.get("deployed").get("release").asText()).isEqualTo(second.version());
        assertThat(dev.get("lastRollback").get("release").asText()).isEqualTo(second.version());
        assertThat(dev.get("lastRollback").get("toVersion").asText()).isEqualTo("1");
        assertThat(dev.get("next").isNull()).isTrue();
        assertThat(dev.get("queued").asInt()).isZero();

        JsonNode staging = environments.get(4);
        assertThat(staging.get("deployed").isNull()).isTrue();
        assertThat(staging.get("next").get("release").asText()).isEqualTo(first.version());
        assertThat(staging.get("next").get("state").asText()).isEqualTo("waiting");
        assertThat(staging.get("next").get("reason").asText()).isEqualTo("needs 1 more approval from alice, bob (1 of 2)");
        assertThat(staging.get("queued").asInt()).isEqualTo(2);
        assertThat(staging.get("pausedBy").isNull()).isTrue();

        JsonNode prod = environments.get(5);
        assertThat(prod.get("pausedBy").asText()).isEqualTo("dave");
        assertThat(prod.get("pausedAt").asText()).endsWith("Z");
        assertThat(prod.get("position").asInt()).isEqualTo(2);

        JsonNode billingDev = environments.get(0);
        assertThat(billingDev.get("next").get("release").asText()).isEqualTo(billing.version());
        assertThat(billingDev.get("next").get("reason").asText()).isEqualTo("queued");
    }
}
