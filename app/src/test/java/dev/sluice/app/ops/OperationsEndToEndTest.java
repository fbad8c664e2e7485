package dev.sluice.app.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sluice.app.pipeline.GitHubSimulation;
import dev.sluice.app.pipeline.PipelineWorker;
import dev.sluice.app.pipeline.ReportWorker;
import dev.sluice.app.testing.ShopRepository;
import dev.sluice.app.webhook.DeliveryWorker;
import dev.sluice.rollout.config.ProjectConfig;
import dev.sluice.rollout.controller.Transactions;
import dev.sluice.rollout.release.NewRelease;
import dev.sluice.rollout.release.ReleaseFile;
import dev.sluice.rollout.release.Releases;
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
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

/**
 * Real work, some of it failing, with recognisable secrets everywhere: a pull request reviewed
 * (GitHub in WireMock, installation token {@code ghs_SECRETTOKEN…}), an installation event,
 * three releases deployed (one applies, one's migration fails, one's target is unreachable with
 * its password in the JDBC URL), reports sent with one GitHub 500. Then {@code /prometheus} shows
 * the series, and no secret is in the logs, anything sent to GitHub, the API, the metrics or the
 * controller's tables.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsEndToEndTest implements TestPropertyProvider {

    static final String WEBHOOK_SECRET = "WebhookSecret-SECRET-41c9e2";
    static final String TOKEN = "ghs_SECRETTOKEN0123456789abcdef";
    static final String API_TOKEN = "ApiToken-SECRET-77b1d0";
    static final String CONTROLLER_PASSWORD = "CtlPw-SECRET-5e8a31";
    static final String TARGET_PASSWORD = "TargetPw-SECRET-2d6f94";
    static final String URL_PASSWORD = "UrlPw-SECRET-9c1d0b";
    static final String PRIVATE_KEY = GitHubSimulation.privateKey();
    /** A line of the key's base64 body: any fragment of it leaking is a leak. */
    static final String KEY_FRAGMENT = PRIVATE_KEY.lines().skip(2).findFirst().orElseThrow();

    static final String POLICY = """
            migrations: db/migrations
            environments:
              - name: dev
                targets: [%s]
            """;

    private final TestDatabase controller = SharedPostgres.newDatabase(getClass().getSimpleName());
    private final TestDatabase good = SharedPostgres.newDatabase("OpsGood");
    private final TestDatabase broken = SharedPostgres.newDatabase("OpsBroken");
    private final String controllerRole = "ops_ctl_" + ProcessHandle.current().pid();
    private final String targetRole = "ops_target_" + ProcessHandle.current().pid();
    private final WireMockServer github = new WireMockServer(options().dynamicPort());
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Path folder;
    private final RevCommit base;
    private final RevCommit head;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DeliveryWorker deliveries;

    @Inject
    PipelineWorker pipeline;

    @Inject
    ReportWorker reports;

    OperationsEndToEndTest() throws Exception {
        github.start();
        // The controller and a target connect as roles whose passwords the test knows.
        try (Connection connection = controller.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + controllerRole + " LOGIN SUPERUSER PASSWORD '" + CONTROLLER_PASSWORD + "'");
            statement.execute("CREATE ROLE " + targetRole + " LOGIN SUPERUSER PASSWORD '" + TARGET_PASSWORD + "'");
        }
        try (Connection connection = broken.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE accounts (id int)"); // V1 creates it too: the migration fails
        }
        folder = Files.createTempDirectory("sluice-ops");
        ShopRepository shop = new ShopRepository(folder);
        shop.write("sluice.yaml", POLICY.formatted("good"));
        base = shop.commit("policy");
        shop.write("db/migrations/V1__accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);\n");
        head = shop.commit("accounts");
        shop.publish(7, head);
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = GitHubSimulation.controllerProperties(controller, github, folder, WEBHOOK_SECRET);
        properties.put("datasources.default.username", controllerRole);
        properties.put("datasources.default.password", CONTROLLER_PASSWORD);
        properties.put("sluice.github.private-key", PRIVATE_KEY); // one the test can look for
        properties.put("sluice.api.token", API_TOKEN);
        properties.put("sluice.targets.good.url", good.jdbcUrl());
        properties.put("sluice.targets.good.username", targetRole);
        properties.put("sluice.targets.good.password", TARGET_PASSWORD);
        properties.put("sluice.targets.broken.url", broken.jdbcUrl());
        properties.put("sluice.targets.broken.username", targetRole);
        properties.put("sluice.targets.broken.password", TARGET_PASSWORD);
        properties.put("sluice.targets.gone.url", "jdbc:postgresql://" + targetRole + ":" + URL_PASSWORD
                + "@127.0.0.1:1/nowhere?user=" + targetRole + "&password=" + URL_PASSWORD + "&connectTimeout=2");
        return properties;
    }

    @BeforeAll
    void captureLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        logs.setContext(context);
        logs.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        context.getLogger("dev.sluice").setLevel(Level.DEBUG);
    }

    @AfterAll
    void stop() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(logs);
        context.getLogger("dev.sluice").setLevel(null);
        github.stop();
    }

    private void stubGitHub() {
        String base = github.baseUrl();
        json(WireMock.get(urlEqualTo("/app")), 200, "{\"id\":12345,\"slug\":\"sluice\"}");
        json(WireMock.get(urlEqualTo("/app/installations/42")), 200,
                "{\"id\":42,\"access_tokens_url\":\"" + base + "/app/installations/42/access_tokens\"}");
        json(post(urlEqualTo("/app/installations/42/access_tokens")), 201,
                "{\"token\":\"" + TOKEN + "\",\"expires_at\":\"2099-01-01T00:00:00Z\"}");
        // acme/good, acme/broken and acme/gone (the releases' repositories) are all served as acme/shop.
        json(WireMock.get(urlPathMatching("/repos/acme/[a-z]+")), 200, "{\"id\":1,\"name\":\"shop\",\"full_name\":\"acme/shop\","
                + "\"owner\":{\"login\":\"acme\"},\"default_branch\":\"main\",\"url\":\"" + base + "/repos/acme/shop\"}");
        json(WireMock.get(urlEqualTo("/repos/acme/shop/pulls/7")), 200, "{\"number\":7,\"url\":\"" + base
                + "/repos/acme/shop/pulls/7\",\"issue_url\":\"" + base + "/repos/acme/shop/issues/7\",\"user\":{\"login\":\"dev\"},"
                + "\"state\":\"open\",\"head\":{\"sha\":\"" + head.name() + "\",\"ref\":\"accounts\"},\"base\":{\"sha\":\""
                + base().name() + "\",\"ref\":\"main\"}}");
        json(WireMock.get(urlPathMatching("/repos/acme/[a-z]+/issues/\\d+/comments")), 200, "[]");
        json(post(urlPathMatching("/repos/acme/[a-z]+/issues/\\d+/comments")), 201, "{\"id\":2001,\"body\":\"created\"}");
        json(patch(urlPathMatching("/repos/acme/[a-z]+/issues/comments/\\d+")), 200, "{\"id\":2001,\"body\":\"updated\"}");
        json(WireMock.get(urlPathMatching("/repos/acme/[a-z]+/commits/[0-9a-f]+/check-runs")), 200, "{\"total_count\":0,\"check_runs\":[]}");
        json(post(urlPathMatching("/repos/acme/[a-z]+/check-runs")), 201, "{\"id\":3000,\"name\":\"sluice/review\"}");
        json(patch(urlPathMatching("/repos/acme/[a-z]+/check-runs/\\d+")), 200, "{\"id\":3000,\"name\":\"sluice/review\"}");
        // GitHub fails the deploy check runs: the outbox retries them, and the error it keeps must be clean too.
        github.stubFor(post(urlPathMatching("/repos/acme/[a-z]+/check-runs")).withRequestBody(matchingJsonPath("$.name",
                equalTo("sluice/deploy: dev"))).atPriority(1).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Server Error\"}")));
    }

    private RevCommit base() {
        return base;
    }

    private void json(MappingBuilder request, int status, String body) {
        github.stubFor(request.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-ratelimit-remaining", "4321").withBody(body)));
    }

    private int postWebhook(String event, String id, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return client.toBlocking().exchange(HttpRequest.POST("/webhooks/github", bytes).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("X-GitHub-Event", event).header("X-GitHub-Delivery", id)
                .header("X-Hub-Signature-256", WebhookSignature.sign(WEBHOOK_SECRET, bytes)), String.class).code();
    }

    private void cut(String repository, String target) {
        String policy = POLICY.formatted(target);
        new Releases(new Transactions(controller.dataSource()), Clock.systemUTC()).cut(new NewRelease(repository, "c0ffee" + Integer.toHexString(target.hashCode()),
                Optional.of(7), Optional.of("dev"), 42, policy, ProjectConfig.parse(policy, "sluice.yaml"),
                List.of(ReleaseFile.of("V1__accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);\n")), false));
    }

    @Test
    @Order(1)
    void realWorkIsCountedOnPrometheus() throws Exception {
        stubGitHub();
        assertThat(postWebhook("installation", "ops-install-1", """
                {"action":"new_permissions_accepted","installation":{"id":42,"account":{"login":"acme"}},"sender":{"login":"dev"}}""")).isEqualTo(202);
        assertThat(postWebhook("pull_request", "ops-pr-1", """
                {"action":"opened","number":7,"pull_request":{"number":7,"draft":false,"head":{"sha":"%s","ref":"accounts"},
                 "base":{"sha":"%s","ref":"main"}},
                 "repository":{"id":1,"name":"shop","full_name":"acme/shop","owner":{"login":"acme"},"default_branch":"main"},
                 "installation":{"id":42},"sender":{"login":"dev"}}""".formatted(head.name(), base.name()))).isEqualTo(202);
        assertThat(deliveries.drain()).isEqualTo(2);

        cut("acme/good", "good");
        cut("acme/broken", "broken");
        cut("acme/gone", "gone");
        pipeline.advance();
        reports.sendDue();

        String metrics = client.toBlocking().retrieve("/prometheus");
        assertThat(value(metrics, "sluice_deliveries_total{event=\"pull_request\",outcome=\"done\"}")).isEqualTo(1);
        assertThat(value(metrics, "sluice_deliveries_total{event=\"installation\",outcome=\"done\"}")).isEqualTo(1);
        assertThat(value(metrics, "sluice_queue_depth")).isZero();
        assertThat(value(metrics, "sluice_queue_oldest_seconds")).isZero();
        assertThat(value(metrics, "sluice_outbox_depth")).as("the deploy checks GitHub refused wait in the outbox: %s",
                rows("SELECT kind, subject, state, last_error FROM sluice.outbox")).isPositive();
        assertThat(value(metrics, "sluice_review_duration_seconds_count")).isEqualTo(1);
        assertThat(value(metrics, "sluice_review_duration_seconds_sum")).isPositive();
        assertThat(value(metrics, "sluice_rollout_step_duration_seconds_count{environment=\"dev\"}")).isEqualTo(1);
        assertThat(value(metrics, "sluice_databases_total{environment=\"dev\",outcome=\"applied\"}")).isEqualTo(1);
        assertThat(value(metrics, "sluice_databases_total{environment=\"dev\",outcome=\"failed\"}")).isEqualTo(2);
        assertThat(value(metrics, "sluice_github_calls_total{outcome=\"ok\"}")).isGreaterThan(3);
        assertThat(value(metrics, "sluice_github_calls_total{outcome=\"server_error\"}")).isPositive();
        assertThat(value(metrics, "sluice_github_rate_limit_remaining")).isEqualTo(4321);
    }

    @Test
    @Order(2)
    void noSecretAppearsInLogsGitHubTheApiMetricsOrTheControllerTables() throws Exception {
        Map<String, String> places = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : logs.list) {
            lines.add(event.getFormattedMessage() + " " + event.getMDCPropertyMap() + throwable(event.getThrowableProxy()));
        }
        assertThat(String.join("\n", lines)).as("the work was logged")
                .contains("ops-pr-1", "target=gone", "target=broken");
        places.put("logs", String.join("\n", lines));
        StringBuilder sent = new StringBuilder();
        for (LoggedRequest request : github.getAllServeEvents().stream().map(event -> event.getRequest()).toList()) {
            sent.append(request.getMethod()).append(' ').append(request.getUrl()).append('\n').append(request.getBodyAsString()).append('\n');
        }
        assertThat(sent.toString()).as("comments and check runs were sent").contains("/issues/7/comments", "check-runs");
        places.put("GitHub requests", sent.toString());
        StringBuilder api = new StringBuilder();
        for (String path : List.of("/api/releases", "/api/releases?repository=acme/gone", "/api/environments", "/api/audit",
                "/api/drift", "/api/openapi.yaml", "/health")) {
            api.append(path).append(": ").append(client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(API_TOKEN))).append('\n');
        }
        places.put("API", api.toString());
        places.put("/prometheus", client.toBlocking().retrieve("/prometheus"));
        StringBuilder tables = new StringBuilder();
        try (Connection connection = controller.connect(); Statement statement = connection.createStatement()) {
            for (String table : List.of("audit_event", "outbox", "drift_state", "deployment", "deployment_target", "delivery", "release")) {
                try (ResultSet rows = statement.executeQuery("SELECT t::text FROM sluice." + table + " t")) {
                    while (rows.next()) {
                        tables.append(table).append(": ").append(rows.getString(1)).append('\n');
                    }
                }
            }
        }
        assertThat(tables.toString()).as("the failures were recorded").contains("target-failed", "unreachable");
        places.put("controller tables", tables.toString());

        for (String secret : List.of(WEBHOOK_SECRET, TOKEN, API_TOKEN, CONTROLLER_PASSWORD, TARGET_PASSWORD, URL_PASSWORD, KEY_FRAGMENT,
                "BEGIN PRIVATE KEY")) {
            places.forEach((place, text) -> assertThat(text).as(place + " must not contain the secret " + secret).doesNotContain(secret));
        }
    }

    private String rows(String sql) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Connection connection = controller.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    text.append(rows.getString(column)).append(column == rows.getMetaData().getColumnCount() ? "\n" : " | ");
                }
            }
        }
        return text.toString();
    }

    private static String throwable(IThrowableProxy proxy) {
        StringBuilder text = new StringBuilder();
        for (IThrowableProxy cause = proxy; cause != null; cause = cause.getCause()) {
            text.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

    /** The value of one series in Prometheus text; fails when the series is absent. */
    private static double value(String metrics, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        if (!matcher.find()) {
            // Labels may come in another order, or with more labels: match by name and each label.
            String name = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
            List<String> labels = series.contains("{") ? List.of(series.substring(series.indexOf('{') + 1, series.length() - 1).split(","))
                    : List.of();
            for (String line : metrics.lines().toList()) {
                if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                    if (labels.stream().allMatch(line::contains)) {
                        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    }
                }
            }
            throw new AssertionError("no series " + series + " in:\n" + metrics.lines().filter(line -> line.startsWith("sluice"))
                    .reduce("", (a, b) -> a + b + "\n"));
        }
        return Double.parseDouble(matcher.group(1));
    }
}
