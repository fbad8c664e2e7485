package dev.sluice.webhooks.report;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.sluice.rollout.config.ProjectConfig;
import dev.sluice.rollout.controller.ControllerSchema;
import dev.sluice.rollout.controller.Outbox;
import dev.sluice.rollout.controller.OutboxKind;
import dev.sluice.rollout.controller.Transactions;
import dev.sluice.rollout.drift.Difference;
import dev.sluice.rollout.drift.Drift;
import dev.sluice.rollout.drift.DriftStates;
import dev.sluice.rollout.drift.ObjectKind;
import dev.sluice.rollout.pipeline.Deployments;
import dev.sluice.rollout.release.NewRelease;
import dev.sluice.rollout.release.Release;
import dev.sluice.rollout.release.ReleaseFile;
import dev.sluice.rollout.release.Releases;
import dev.sluice.testsupport.PostgresTest;
import dev.sluice.testsupport.TestDatabase;
import dev.sluice.webhooks.github.GitHubClients;
import dev.sluice.webhooks.github.GitHubSettings;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reports against a simulated GitHub and the real controller database (RELIABILITY P21-P24, scenarios 60-63, 70-73). */
@PostgresTest
class SendReportsTest {

    static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    static final String JSON = "application/json";
    static final String POLICY = """
            migrations: db/migrations
            environments:
              - name: dev
                targets: [dev]
                approval: auto
              - name: prod
                targets: [prod]
                approval: { approvers: ["alice"], required: 1 }
            """;

    private final TestDatabase database;
    private final Transactions transactions;
    private final Outbox outbox;
    private final Releases releases;
    private final Deployments deployments;
    private WireMockServer github;

    SendReportsTest(TestDatabase database) {
        this.database = database;
        ControllerSchema.fromClasspath(database.dataSource()).migrate();
        this.transactions = new Transactions(database.dataSource());
        this.outbox = new Outbox(transactions);
        this.releases = new Releases(transactions, Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC));
        this.deployments = new Deployments(transactions);
    }

    @BeforeEach
    void start() throws SQLException {
        sql("TRUNCATE sluice.release, sluice.outbox, sluice.report_handle, sluice.approval, sluice.drift_state CASCADE");
        github = new WireMockServer(options().dynamicPort());
        github.start();
    }

    @AfterEach
    void stop() {
        github.stop();
    }

    // ---------------------------------------------------------------- helpers

    private SendReports sender(boolean app) throws Exception {
        GitHubSettings settings;
        if (app) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
            github.stubFor(WireMock.get(urlEqualTo("/app")).willReturn(aResponse().withHeader("Content-Type", JSON)
                    .withBody("{\"id\":12345,\"slug\":\"sluice\"}")));
            github.stubFor(WireMock.get(urlEqualTo("/app/installations/42")).willReturn(aResponse().withHeader("Content-Type", JSON)
                    .withBody("{\"id\":42,\"access_tokens_url\":\"" + github.baseUrl() + "/app/installations/42/access_tokens\"}")));
            github.stubFor(post(urlEqualTo("/app/installations/42/access_tokens")).willReturn(aResponse().withStatus(201)
                    .withHeader("Content-Type", JSON).withBody("{\"token\":\"ghs_installation\",\"expires_at\":\"2099-01-01T00:00:00Z\"}")));
            settings = new GitHubSettings(github.baseUrl(), Optional.of(12345L), Optional.of(pem), Optional.empty());
        } else {
            settings = new GitHubSettings(github.baseUrl(), Optional.empty(), Optional.empty(), Optional.of("ghp_test"));
        }
        return new SendReports(outbox, releases, deployments, new DriftStates(new Transactions(database.dataSource())), new GitHubClients(settings, Clock.systemUTC()), Clock.systemUTC());
    }

    /** Cuts a release of pull request #7 and empties the outbox, so each test enqueues what it sends. */
    private Release cut() throws SQLException {
        Release release = releases.cut(new NewRelease("acme/shop", SHA, Optional.of(7), Optional.of("alice"), 42, POLICY,
                ProjectConfig.parse(POLICY, "sluice.yaml"), List.of(ReleaseFile.of("V1__accounts.sql", "CREATE TABLE accounts (id int);")),
                false)).release();
        sql("DELETE FROM sluice.outbox");
        return release;
    }

    private void enqueue(OutboxKind kind, String subject, String body) {
        outbox.enqueue("acme/shop", 42, kind, subject, body);
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = database.connect(); Statement run = connection.createStatement()) {
            run.execute(statement);
        }
    }

    record Row(String state, String lastError, Instant nextAttemptAt) {
    }

    private Row row(OutboxKind kind, String subject) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT state, last_error, next_attempt_at FROM sluice.outbox WHERE kind = ? AND subject = ? ORDER BY id DESC LIMIT 1")) {
            query.setString(1, kind.word());
            query.setString(2, subject);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("an outbox row for " + kind + " " + subject).isTrue();
                return new Row(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant());
            }
        }
    }

    /** Makes every queued report due now, as if its backoff had passed. */
    private void dueNow() throws SQLException {
        sql("UPDATE sluice.outbox SET next_attempt_at = now() WHERE state = 'queued'");
    }

    private static String comment(long id, String body) {
        return "{\"id\":" + id + ",\"body\":" + quote(body) + "}";
    }

    private static String quote(String text) {
        try {
            return new ObjectMapper().writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) throws Exception {
        return new ObjectMapper().readTree(body);
    }

    private void comments(String json) {
        github.stubFor(WireMock.get(urlPathEqualTo("/repos/acme/shop/issues/7/comments"))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody(json)));
    }

    private void creates(long id) {
        github.stubFor(post(urlEqualTo("/repos/acme/shop/issues/7/comments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", JSON).withBody(comment(id, "created"))));
    }

    private void edits(long id) {
        github.stubFor(patch(urlEqualTo("/repos/acme/shop/issues/comments/" + id)).willReturn(aResponse()
                .withHeader("Content-Type", JSON).withBody(comment(id, "edited"))));
    }

    // ---------------------------------------------------------------- the release comment

    @Test
    void theStickyCommentIsCreatedOnceThenEditedInPlace() throws Exception {
        Release release = cut();
        SendReports sender = sender(false);
        comments("[]");
        creates(1001);
        edits(1001);

        enqueue(OutboxKind.RELEASE_COMMENT, release.version(), "");
        assertThat(sender.sendDue()).isEqualTo(1);
        enqueue(OutboxKind.RELEASE_COMMENT, release.version(), "");
        assertThat(sender.sendDue()).isEqualTo(1);

        github.verify(1, postRequestedFor(urlEqualTo("/repos/acme/shop/issues/7/comments")));
        github.verify(1, patchRequestedFor(urlEqualTo("/repos/acme/shop/issues/comments/1001")));
        github.verify(1, getRequestedFor(urlPathEqualTo("/repos/acme/shop/issues/7/comments")));
        String posted = json(github.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/issues/7/comments"))).getFirst()
                .getBodyAsString()).get("body").asText();
        assertThat(posted).startsWith(ReleaseComment.MARKER + "\n### Release " + release.version() + "\n")
                .contains("| **dev** | – | :hourglass: waiting | – | – | – | queued |")
                .contains("| **prod** | – | :hourglass: waiting | – | – |")
                .contains("waits for dev |");
        assertThat(outbox.handle("acme/shop", "release-comment:" + release.version())).contains(1001L);
        assertThat(row(OutboxKind.RELEASE_COMMENT, release.version()).state()).isEqualTo("done");
    }

    @Test
    void aCommentGitHubRefusesAsTooLongIsPostedShortInstead() throws Exception {
        Release release = cut();
        comments("[]");
        creates(1001);
        // GitHub counts differently from Java now and then: it refuses the full table, not the short note.
        github.stubFor(post(urlEqualTo("/repos/acme/shop/issues/7/comments")).withRequestBody(containing("| environment |")).atPriority(1)
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", JSON).withBody("""
                        {"message":"Validation Failed","errors":[{"resource":"IssueComment","code":"custom","field":"body",
                         "message":"body is too long (maximum is 65536 characters)"}],
                         "documentation_url":"https://docs.github.com/rest/issues/comments#create-an-issue-comment"}""")));

        enqueue(OutboxKind.RELEASE_COMMENT, release.version(), "");
        sender(false).sendDue();

        List<String> posted = new ArrayList<>();
        for (LoggedRequest request : github.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/issues/7/comments")))) {
            posted.add(json(request.getBodyAsString()).get("body").asText());
        }
        assertThat(posted).hasSize(2);
        assertThat(posted.getLast()).isEqualTo(ReleaseComment.shortened(release.version()));
        assertThat(ReleaseComment.isFor(posted.getLast(), release.version())).as("still found as the sticky comment").isTrue();
        assertThat(outbox.handle("acme/shop", "release-comment:" + release.version())).contains(1001L);
        assertThat(row(OutboxKind.RELEASE_COMMENT, release.version()).state()).isEqualTo("done");
    }

    @Test
    void aStickyCommentDeletedByAHumanIsMadeAgain() throws Exception {
        Release release = cut();
        outbox.rememberHandle("acme/shop", "release-comment:" + release.version(), 1001);
        github.stubFor(patch(urlEqualTo("/repos/acme/shop/issues/comments/1001")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", JSON).withBody("{\"message\":\"Not Found\"}")));
        comments("[]");
        creates(1002);

        enqueue(OutboxKind.RELEASE_COMMENT, release.version(), "");
        sender(false).sendDue();

        github.verify(1, postRequestedFor(urlEqualTo("/repos/acme/shop/issues/7/comments")));
        assertThat(outbox.handle("acme/shop", "release-comment:" + release.version())).contains(1002L);
        assertThat(row(OutboxKind.RELEASE_COMMENT, release.version()).state()).isEqualTo("done");
    }

    @Test
    void aCommentWhoseCreationAnswerWasLostIsFoundByItsMarkerNotDuplicated() throws Exception {
        Release release = cut();
        github.stubFor(WireMock.get(urlPathEqualTo("/repos/acme/shop/issues/7/comments")).inScenario("lost")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("[" + comment(5, "<!-- sluice:review -->\nreview") + "]")));
        github.stubFor(post(urlEqualTo("/repos/acme/shop/issues/7/comments")).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("created"));
        github.stubFor(WireMock.get(urlPathEqualTo("/repos/acme/shop/issues/7/comments")).inScenario("lost").whenScenarioStateIs("created")
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("[" + comment(5, "<!-- sluice:review -->\nreview") + ","
                        + comment(1003, ReleaseComment.MARKER + "\n### Release " + release.version() + "\n\nfirst") + "]")));
        edits(1003);
        SendReports sender = sender(false);

        enqueue(OutboxKind.RELEASE_COMMENT, release.version(), "");
        sender.sendDue();
        Row retried = row(OutboxKind.RELEASE_COMMENT, release.version());
        assertThat(retried.state()).isEqualTo("queued");
        assertThat(retried.lastError()).contains("500");
        dueNow();
        sender.sendDue();

        github.verify(1, postRequestedFor(urlEqualTo("/repos/acme/shop/issues/7/comments")));
        github.verify(1, patchRequestedFor(urlEqualTo("/repos/acme/shop/issues/comments/1003")));
        github.verify(0, patchRequestedFor(urlEqualTo("/repos/acme/shop/issues/comments/5")));
        assertThat(outbox.handle("acme/shop", "release-comment:" + release.version())).contains(1003L);
        assertThat(row(OutboxKind.RELEASE_COMMENT, release.version()).state()).isEqualTo("done");
    }

    @Test
    void refreshesEnqueuedWhileNoneIsSentCoalesceIntoOnePatch() throws Exception {
        Release release = cut();
        outbox.rememberHandle("acme/shop", "release-comment:" + release.version(), 1001);
        edits(1001);

        enqueue(OutboxKind.RELEASE_COMMENT, release.version(), "");
        enqueue(OutboxKind.RELEASE_COMMENT, release.version(), "");
        assertThat(outbox.queued()).isEqualTo(1);
        sender(false).sendDue();

        github.verify(1, patchRequestedFor(urlEqualTo("/repos/acme/shop/issues/comments/1001")));
        assertThat(outbox.queued()).isZero();
    }

    @Test
    void aReleaseWithoutAPullRequestHasNoCommentToMake() throws Exception {
        Release release = releases.cut(new NewRelease("acme/shop", "fedcba9876543210fedcba9876543210fedcba98", Optional.empty(),
                Optional.empty(), 42, POLICY, ProjectConfig.parse(POLICY, "sluice.yaml"), List.of(), false)).release();
        sql("DELETE FROM sluice.outbox");

        enqueue(OutboxKind.RELEASE_COMMENT, release.version(), "");
        sender(false).sendDue();

        assertThat(row(OutboxKind.RELEASE_COMMENT, release.version()).state()).isEqualTo("done");
        assertThat(github.getAllServeEvents()).extracting(event -> event.getRequest().getMethod() + " " + event.getRequest().getUrl())
                .as("nothing but the library's look at who the token is").containsOnly("GET /user");
    }

    // ---------------------------------------------------------------- deploy checks

    @Test
    void aCheckRunIsCreatedWithItsExternalIdThenUpdatedInPlace() throws Exception {
        Release release = cut();
        SendReports sender = sender(true);
        github.stubFor(WireMock.get(urlPathEqualTo("/repos/acme/shop/commits/" + SHA + "/check-runs"))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("{\"total_count\":0,\"check_runs\":[]}")));
        github.stubFor(post(urlEqualTo("/repos/acme/shop/check-runs")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", JSON).withBody("{\"id\":555,\"name\":\"sluice/deploy: dev\"}")));
        github.stubFor(patch(urlEqualTo("/repos/acme/shop/check-runs/555")).willReturn(aResponse()
                .withHeader("Content-Type", JSON).withBody("{\"id\":555,\"name\":\"sluice/deploy: dev\"}")));
        String subject = release.version() + " dev";

        enqueue(OutboxKind.DEPLOY_CHECK, subject, "");
        sender.sendDue();
        sql("UPDATE sluice.deployment SET state = 'running', reason = '', started_at = now() WHERE environment = 'dev'");
        enqueue(OutboxKind.DEPLOY_CHECK, subject, "");
        sender.sendDue();

        github.verify(1, postRequestedFor(urlEqualTo("/repos/acme/shop/check-runs")));
        JsonNode created = json(github.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/check-runs"))).getFirst().getBodyAsString());
        assertThat(created.get("name").asText()).isEqualTo("sluice/deploy: dev");
        assertThat(created.get("head_sha").asText()).isEqualTo(SHA);
        assertThat(created.get("external_id").asText()).isEqualTo("deploy:" + release.version() + ":dev");
        assertThat(created.get("status").asText()).isEqualTo("queued");
        assertThat(created.at("/output/title").asText()).isEqualTo("Waiting: queued");
        JsonNode updated = json(github.findAll(patchRequestedFor(urlEqualTo("/repos/acme/shop/check-runs/555"))).getFirst()
                .getBodyAsString());
        assertThat(updated.get("status").asText()).isEqualTo("in_progress");
        assertThat(updated.get("external_id").asText()).isEqualTo("deploy:" + release.version() + ":dev");
        assertThat(outbox.handle("acme/shop", "deploy-check:" + release.version() + ":dev")).contains(555L);
        github.verify(1, getRequestedFor(urlPathEqualTo("/repos/acme/shop/commits/" + SHA + "/check-runs")));
    }

    @Test
    void aRetryAfterAFailureGetsANewCheckRunBecauseACompletedOneCannotBeReopened() throws Exception {
        Release release = cut();
        SendReports sender = sender(true);
        github.stubFor(WireMock.get(urlPathEqualTo("/repos/acme/shop/commits/" + SHA + "/check-runs"))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("{\"total_count\":0,\"check_runs\":[]}")));
        github.stubFor(post(urlEqualTo("/repos/acme/shop/check-runs")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", JSON).withBody("{\"id\":555,\"name\":\"sluice/deploy: dev\"}")));
        String subject = release.version() + " dev";
        sql("UPDATE sluice.deployment SET state = 'failed', reason = 'dev failed', started_at = now(), finished_at = now()"
                + " WHERE environment = 'dev'");
        enqueue(OutboxKind.DEPLOY_CHECK, subject, "");
        sender.sendDue();
        github.stubFor(post(urlEqualTo("/repos/acme/shop/check-runs")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", JSON).withBody("{\"id\":556,\"name\":\"sluice/deploy: dev\"}")));

        sql("UPDATE sluice.deployment SET state = 'running', finished_at = NULL, attempt = 2 WHERE environment = 'dev'");
        enqueue(OutboxKind.DEPLOY_CHECK, subject, "");
        sender.sendDue();

        List<JsonNode> created = new java.util.ArrayList<>();
        for (var request : github.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/check-runs")))) {
            created.add(json(request.getBodyAsString()));
        }
        assertThat(created).hasSize(2);
        assertThat(created.get(0).get("conclusion").asText()).isEqualTo("failure");
        assertThat(created.get(1).get("status").asText()).isEqualTo("in_progress");
        assertThat(created.get(1).get("external_id").asText()).isEqualTo("deploy:" + release.version() + ":dev:2");
        github.verify(0, patchRequestedFor(urlEqualTo("/repos/acme/shop/check-runs/555")));
        assertThat(outbox.handle("acme/shop", "deploy-check:" + release.version() + ":dev:2")).contains(556L);
    }

    @Test
    void aDriftedDatabaseGetsOneIssueKeptUpToDateAndClosedWhenTheSchemaIsBack() throws Exception {
        cut();
        SendReports sender = sender(true);
        DriftStates states = new DriftStates(new Transactions(database.dataSource()));
        github.stubFor(WireMock.get(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(aResponse()
                .withHeader("Content-Type", JSON).withBody("[]")));
        github.stubFor(post(urlEqualTo("/repos/acme/shop/issues")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", JSON).withBody("{\"number\":31,\"title\":\"Schema drift on prod\"}")));
        github.stubFor(patch(urlEqualTo("/repos/acme/shop/issues/31")).willReturn(aResponse()
                .withHeader("Content-Type", JSON).withBody("{\"number\":31}")));
        github.stubFor(post(urlEqualTo("/repos/acme/shop/issues/31/comments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", JSON).withBody("{\"id\":9,\"body\":\"x\"}")));
        Drift added = new Drift(List.of(new Difference(ObjectKind.COLUMN, "public.users.age", Difference.Change.ADDED,
                "column public.users.age added: integer", Optional.of("ALTER TABLE public.users DROP COLUMN age;"))));

        assertThat(states.record("prod", "", Optional.of("acme/shop"), added, Instant.now())).isTrue();
        sender.sendDue();
        assertThat(states.record("prod", "", Optional.of("acme/shop"), added, Instant.now())).isFalse(); // unchanged: no refresh
        assertThat(sender.sendDue()).isZero();
        states.record("prod", "", Optional.of("acme/shop"), Drift.NONE, Instant.now());
        sender.sendDue();

        github.verify(1, postRequestedFor(urlEqualTo("/repos/acme/shop/issues")));
        JsonNode issue = json(github.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/issues"))).getFirst().getBodyAsString());
        assertThat(issue.get("title").asText()).isEqualTo("Schema drift on prod");
        assertThat(issue.get("body").asText()).startsWith("<!-- sluice:drift prod -->")
                .contains("column public.users.age added: integer").contains("ALTER TABLE public.users DROP COLUMN age;");
        assertThat(outbox.handle("acme/shop", "drift-issue:prod/")).contains(31L);
        assertThat(json(github.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/issues/31/comments"))).getFirst()
                .getBodyAsString()).get("body").asText()).contains("as recorded again");
        assertThat(github.findAll(patchRequestedFor(urlEqualTo("/repos/acme/shop/issues/31"))).getLast().getBodyAsString())
                .contains("closed");
    }

    @Test
    void aCheckRunMadeBeforeAnAnswerWasLostIsFoundByItsExternalId() throws Exception {
        Release release = cut();
        SendReports sender = sender(true);
        github.stubFor(WireMock.get(urlPathEqualTo("/repos/acme/shop/commits/" + SHA + "/check-runs"))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("{\"total_count\":2,\"check_runs\":["
                        + "{\"id\":776,\"name\":\"sluice/deploy: prod\",\"external_id\":\"deploy:19991231.1:prod\"},"
                        + "{\"id\":777,\"name\":\"sluice/deploy: prod\",\"external_id\":\"deploy:" + release.version() + ":prod\"}]}")));
        github.stubFor(patch(urlEqualTo("/repos/acme/shop/check-runs/777")).willReturn(aResponse()
                .withHeader("Content-Type", JSON).withBody("{\"id\":777}")));

        enqueue(OutboxKind.DEPLOY_CHECK, release.version() + " prod", "");
        sender.sendDue();

        github.verify(0, postRequestedFor(urlEqualTo("/repos/acme/shop/check-runs")));
        github.verify(1, patchRequestedFor(urlEqualTo("/repos/acme/shop/check-runs/777")));
        assertThat(github.findAll(getRequestedFor(urlPathEqualTo("/repos/acme/shop/commits/" + SHA + "/check-runs"))).getFirst()
                .queryParameter("check_name").firstValue()).isEqualTo("sluice/deploy: prod");
        assertThat(outbox.handle("acme/shop", "deploy-check:" + release.version() + ":prod")).contains(777L);
    }

    @Test
    void withATokenTheDeployIsACommitStatus() throws Exception {
        Release release = cut();
        github.stubFor(post(urlEqualTo("/repos/acme/shop/statuses/" + SHA)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", JSON).withBody("{\"id\":1,\"state\":\"pending\"}")));
        sql("UPDATE sluice.deployment SET state = 'failed', reason = 'dev failed: V1 failed', started_at = now(), finished_at = now()"
                + " WHERE environment = 'dev'");

        enqueue(OutboxKind.DEPLOY_CHECK, release.version() + " dev", "");
        enqueue(OutboxKind.DEPLOY_CHECK, release.version() + " prod", "");
        sender(false).sendDue();

        List<JsonNode> statuses = github.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/statuses/" + SHA))).stream()
                .map(request -> {
                    try {
                        return json(request.getBodyAsString());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
        assertThat(statuses).extracting(status -> status.get("context").asText()).containsExactly("sluice/deploy: dev", "sluice/deploy: prod");
        assertThat(statuses).extracting(status -> status.get("state").asText()).containsExactly("failure", "pending");
        assertThat(statuses.get(0).get("description").asText()).isEqualTo("Failed: dev failed: V1 failed");
        assertThat(statuses.get(1).get("description").asText()).isEqualTo("Waiting: waits for dev");
    }

    // ---------------------------------------------------------------- failures

    @Test
    void aRateLimitedReportWaitsForTheResetAndTheOthersStillGo() throws Exception {
        cut();
        long reset = Instant.now().plusSeconds(900).getEpochSecond();
        github.stubFor(post(urlEqualTo("/repos/acme/shop/issues/7/comments")).willReturn(aResponse().withStatus(403)
                .withHeader("x-ratelimit-remaining", "0").withHeader("x-ratelimit-limit", "5000")
                .withHeader("x-ratelimit-reset", Long.toString(reset)).withBody("{\"message\":\"API rate limit exceeded\"}")));
        github.stubFor(post(urlEqualTo("/repos/acme/shop/issues/8/comments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", JSON).withBody(comment(2001, "ok"))));

        enqueue(OutboxKind.REPLY, "7", "first");
        outbox.enqueue("acme/other-installation", 43, OutboxKind.REPLY, "8", "second");
        sql("UPDATE sluice.outbox SET repository = 'acme/shop' WHERE repository = 'acme/other-installation'");
        sender(false).sendDue();

        Row limited = row(OutboxKind.REPLY, "7");
        assertThat(limited.state()).isEqualTo("queued");
        assertThat(limited.nextAttemptAt()).isAfterOrEqualTo(Instant.ofEpochSecond(reset));
        assertThat(limited.lastError()).contains("rate limit");
        assertThat(row(OutboxKind.REPLY, "8").state()).isEqualTo("done");
    }

    @Test
    void aRefusedReportIsParkedAndTheOthersStillGo() throws Exception {
        cut();
        github.stubFor(post(urlEqualTo("/repos/acme/shop/issues/99/comments")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", JSON).withBody("{\"message\":\"Not Found\"}")));
        github.stubFor(post(urlEqualTo("/repos/acme/shop/issues/8/comments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", JSON).withBody(comment(2001, "ok"))));
        github.stubFor(post(urlEqualTo("/repos/acme/shop/issues/9/comments")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", JSON).withBody("{\"message\":\"Resource not accessible by integration\"}")));

        enqueue(OutboxKind.REPLY, "99", "to a pull request that is gone");
        enqueue(OutboxKind.REPLY, "9", "forbidden");
        enqueue(OutboxKind.REPLY, "8", "fine");
        sender(false).sendDue();

        assertThat(row(OutboxKind.REPLY, "99").state()).isEqualTo("parked");
        assertThat(row(OutboxKind.REPLY, "99").lastError()).contains("404");
        assertThat(row(OutboxKind.REPLY, "9").state()).isEqualTo("parked");
        assertThat(row(OutboxKind.REPLY, "8").state()).isEqualTo("done");
        assertThat(json(github.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/issues/8/comments"))).getFirst().getBodyAsString())
                .get("body").asText()).startsWith("fine\n<!-- sluice:reply ");
    }

    @Test
    void aReplyWhoseAnswerWasLostIsNotPostedTwice() throws Exception {
        cut();
        github.stubFor(post(urlEqualTo("/repos/acme/shop/issues/7/comments")).willReturn(aResponse().withStatus(502)));
        SendReports sender = sender(false);
        enqueue(OutboxKind.REPLY, "7", "Approved for prod.");
        sender.sendDue();
        String posted = json(github.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/issues/7/comments"))).getFirst()
                .getBodyAsString()).get("body").asText();
        comments("[" + comment(3001, posted) + "]");

        dueNow();
        sender.sendDue();

        github.verify(1, postRequestedFor(urlEqualTo("/repos/acme/shop/issues/7/comments")));
        assertThat(row(OutboxKind.REPLY, "7").state()).isEqualTo("done");
    }

    // ---------------------------------------------------------------- labels

    @Test
    void aLabelAlreadyAbsentIsSuccessAndItsNameIsEncodedSegmentBySegment() throws Exception {
        cut();
        github.stubFor(delete(urlEqualTo("/repos/acme/shop/issues/7/labels/db%3Aapply%20prod%2Feu")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", JSON).withBody("{\"message\":\"Label does not exist\"}")));
        github.stubFor(delete(urlEqualTo("/repos/acme/shop/issues/7/labels/sluice%2Fapprove-prod")).willReturn(aResponse()
                .withHeader("Content-Type", JSON).withBody("[]")));

        enqueue(OutboxKind.REMOVE_LABEL, "7", "db:apply prod/eu");
        enqueue(OutboxKind.REMOVE_LABEL, "7", "sluice/approve-prod");
        sender(false).sendDue();

        github.verify(1, deleteRequestedFor(urlEqualTo("/repos/acme/shop/issues/7/labels/db%3Aapply%20prod%2Feu"))
                .withHeader("Authorization", WireMock.equalTo("token ghp_test")));
        github.verify(1, deleteRequestedFor(urlEqualTo("/repos/acme/shop/issues/7/labels/sluice%2Fapprove-prod")));
        assertThat(github.findAll(deleteRequestedFor(WireMock.anyUrl()))).hasSize(2);
        try (Connection connection = database.connect(); Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT state FROM sluice.outbox WHERE kind = 'remove-label'")) {
            while (rows.next()) {
                assertThat(rows.getString(1)).isEqualTo("done");
            }
        }
    }

    @Test
    void aLabelIsPutBack() throws Exception {
        cut();
        github.stubFor(post(urlEqualTo("/repos/acme/shop/issues/7/labels")).willReturn(aResponse()
                .withHeader("Content-Type", JSON).withBody("[{\"name\":\"sluice/hold\"}]")));

        enqueue(OutboxKind.ADD_LABEL, "7", "sluice/hold");
        sender(false).sendDue();

        assertThat(json(github.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/issues/7/labels"))).getFirst().getBodyAsString())
                .get("labels").get(0).asText()).isEqualTo("sluice/hold");
        assertThat(row(OutboxKind.ADD_LABEL, "7").state()).isEqualTo("done");
    }

    // ---------------------------------------------------------------- tags

    private void tagExists(String version, String at) {
        github.stubFor(post(urlEqualTo("/repos/acme/shop/git/refs")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", JSON).withBody("{\"message\":\"Reference already exists\"}")));
        github.stubFor(WireMock.get(urlEqualTo("/repos/acme/shop/git/refs/tags/sluice/" + version)).willReturn(aResponse()
                .withHeader("Content-Type", JSON).withBody("{\"ref\":\"refs/tags/sluice/" + version + "\",\"object\":{\"sha\":\"" + at
                        + "\",\"type\":\"commit\"}}")));
    }

    @Test
    void aTagIsALightweightRefOnTheReleaseCommit() throws Exception {
        Release release = cut();
        github.stubFor(post(urlEqualTo("/repos/acme/shop/git/refs")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", JSON).withBody("{\"ref\":\"refs/tags/sluice/" + release.version() + "\",\"object\":{\"sha\":\""
                        + SHA + "\",\"type\":\"commit\"}}")));

        enqueue(OutboxKind.TAG, release.version(), SHA);
        sender(false).sendDue();

        JsonNode created = json(github.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/git/refs"))).getFirst().getBodyAsString());
        assertThat(created.get("ref").asText()).isEqualTo("refs/tags/sluice/" + release.version());
        assertThat(created.get("sha").asText()).isEqualTo(SHA);
        assertThat(row(OutboxKind.TAG, release.version()).state()).isEqualTo("done");
    }

    @Test
    void aTagAlreadyThereAtTheSameCommitIsDone() throws Exception {
        Release release = cut();
        tagExists(release.version(), SHA);

        enqueue(OutboxKind.TAG, release.version(), SHA);
        sender(false).sendDue();

        assertThat(row(OutboxKind.TAG, release.version()).state()).isEqualTo("done");
    }

    @Test
    void aTagAlreadyThereAtAnotherCommitIsParkedWithAClearReason() throws Exception {
        Release release = cut();
        tagExists(release.version(), "ffffffffffffffffffffffffffffffffffffffff");

        enqueue(OutboxKind.TAG, release.version(), SHA);
        sender(false).sendDue();

        Row parked = row(OutboxKind.TAG, release.version());
        assertThat(parked.state()).isEqualTo("parked");
        assertThat(parked.lastError()).isEqualTo("tag sluice/" + release.version() + " already points at ffffffffffffffffffffffffffffffffffffffff,"
                + " not at the release's commit " + SHA);
    }
}
