package dev.sluice.app.serve;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.sluice.app.pipeline.GitHubSimulation;
import dev.sluice.app.testing.ShopRepository.Merged;
import dev.sluice.app.testing.ShopRepository;
import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import dev.sluice.webhooks.intake.WebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two controller processes on one state database and one webhook stream spread over both (as a
 * load balancer would): merges announced at once to both replicas (the pull request to one, the
 * push to the other), commands, a flood of installation events, and redeliveries of some ids to
 * the other replica. Every delivery is recorded once and worked once, each merge cuts one release,
 * each release is applied once, each command answered once, and the replicas' logs and metrics add up.
 */
class TwoControllersIT {

    static final int INSTALLATION_EVENTS = 40;
    static final int MERGES = 3;
    static final String SECRET = "two-controllers-secret";
    static final Pattern WORKED = Pattern.compile("Delivery (two-\\d+) \\(installation\\)");
    static final String REPOSITORY = "{\"id\":1,\"name\":\"shop\",\"full_name\":\"acme/shop\",\"owner\":{\"login\":\"acme\"},"
            + "\"default_branch\":\"main\"}";

    @TempDir
    Path userHome;

    private final WireMockServer wireMock = new WireMockServer(options().dynamicPort());
    private final HttpClient http = HttpClient.newHttpClient();
    private int deliveries;

    @AfterEach
    void stopGitHub() {
        wireMock.stop();
    }

    @Test
    void everyDeliveryIsProcessedExactlyOnceAcrossTwoReplicas() throws Exception {
        TestDatabase controller = SharedPostgres.newDatabase("TwoControllers");
        TestDatabase dev = SharedPostgres.newDatabase("TwoControllersDev");
        List<Merged> merges = repository();
        wireMock.start();
        GitHubSimulation github = new GitHubSimulation(wireMock);
        Map<Integer, String[]> pulls = new HashMap<>();
        merges.forEach(merge -> pulls.put(merge.number(), new String[] {merge.head().name(), merge.base().name()}));
        github.stub(Map.of("dev", "write"), List.of(), pulls);

        Path config = userHome.resolve("application.yml");
        Files.writeString(config, """
                datasources:
                  default:
                    url: %s
                    username: %s
                    password: %s
                sluice:
                  repositories: acme/shop
                  github:
                    webhook-secret: %s
                    api-url: %s
                    app-id: 12345
                    clone-url: "%s{owner}/{repo}.git"
                  queue:
                    poll: 1s
                  pipeline:
                    poll: 1s
                    initial-delay: 1s
                  reports:
                    poll: 1s
                  targets:
                    dev:
                      url: %s
                      username: %s
                      password: %s
                """.formatted(controller.jdbcUrl(), controller.username(), controller.password(), SECRET, wireMock.baseUrl(),
                userHome.resolve("upstream").toUri().toString().replaceAll("/?$", "/"), dev.jdbcUrl(), dev.username(), dev.password()));
        String key = GitHubSimulation.privateKey();
        try (SluiceProcess one = SluiceProcess.serve(userHome, SluiceProcess.freePort(), List.of(), replica(config, key, "one"), "one");
             SluiceProcess two = SluiceProcess.serve(userHome, SluiceProcess.freePort(), List.of(), replica(config, key, "two"), "two")) {
            one.awaitHealthy(Duration.ofMinutes(2));
            two.awaitHealthy(Duration.ofMinutes(2));
            List<SluiceProcess> replicas = List.of(one, two);

            int recorded = 0;
            int repeated = 0;
            for (int i = 0; i < INSTALLATION_EVENTS; i++) {
                String id = "two-" + i;
                // Installation events need no GitHub; the installations differ so none stops another's work.
                String body = "{\"action\":\"new_permissions_accepted\",\"installation\":{\"id\":" + (1000 + i)
                        + ",\"account\":{\"login\":\"acme\"}},\"sender\":{\"login\":\"dev\"}}";
                recorded += post(replicas.get(i % 2), "installation", id, body) == 202 ? 1 : 0;
                if (i % 5 == 0) { // GitHub redelivers it, and the load balancer picks the other replica
                    repeated += post(replicas.get((i + 1) % 2), "installation", id, body) == 200 ? 1 : 0;
                }
            }
            assertThat(recorded).isEqualTo(INSTALLATION_EVENTS);
            assertThat(repeated).isEqualTo(INSTALLATION_EVENTS / 5);

            for (Merged merge : merges) {
                // GitHub sends the merge twice, as a pull_request and as a push: each replica gets one, at the same moment.
                CompletableFuture<Integer> closed = CompletableFuture.supplyAsync(() -> post(one, "pull_request",
                        "merge-" + merge.number(), merged(merge)));
                CompletableFuture<Integer> pushed = CompletableFuture.supplyAsync(() -> post(two, "push", "push-" + merge.number(),
                        push(merge)));
                assertThat(closed.get()).isEqualTo(202);
                assertThat(pushed.get()).isEqualTo(202);
                one.awaitUntil(Duration.ofMinutes(1), () -> controller.queryInt("SELECT count(*) FROM sluice.release") == merge.number());
            }
            for (Merged merge : merges) {
                String command = comment(merge.number(), "/sluice status");
                assertThat(post(replicas.get(merge.number() % 2), "issue_comment", "status-" + merge.number(), command)).isEqualTo(202);
                assertThat(post(replicas.get((merge.number() + 1) % 2), "issue_comment", "status-" + merge.number(), command))
                        .as("redelivered to the other replica").isEqualTo(200);
            }

            int expected = deliveries;
            try {
                one.awaitUntil(Duration.ofMinutes(2), () -> controller.queryInt(
                        "SELECT count(*) FROM sluice.delivery WHERE state = 'done'") == expected
                        && controller.queryInt("SELECT count(*) FROM sluice.deployment WHERE state = 'succeeded'") == MERGES
                        && controller.queryInt("SELECT count(*) FROM sluice.outbox WHERE state <> 'done'") == 0);
            } catch (AssertionError notReached) {
                throw new AssertionError("deliveries done " + controller.queryInt("SELECT count(*) FROM sluice.delivery WHERE state = 'done'")
                        + " of " + expected + ", deployments succeeded " + controller.queryInt(
                                "SELECT count(*) FROM sluice.deployment WHERE state = 'succeeded'") + " of " + MERGES + ", reports unsent "
                        + controller.queryInt("SELECT count(*) FROM sluice.outbox WHERE state <> 'done'") + "\nreplica two:\n" + two.output(),
                        notReached);
            }
            assertThat(controller.queryInt("SELECT count(*) FROM sluice.delivery")).isEqualTo(expected);
            assertThat(controller.queryInt("SELECT count(*) FROM sluice.delivery WHERE attempts <> 1")).as("claimed once each").isZero();
            assertThat(controller.queryInt("SELECT count(DISTINCT commit_sha) FROM sluice.release")).as("one release per merge")
                    .isEqualTo(MERGES);
            assertThat(controller.queryInt("SELECT count(*) FROM sluice.release WHERE pull_request IS NULL"))
                    .as("each release knows its pull request, whichever event cut it").isZero();
            assertThat(controller.queryInt("SELECT count(*) FROM sluice.deployment_target WHERE attempts <> 1")).isZero();
            assertThat(dev.queryInt("SELECT count(*) FROM sluice.schema_history WHERE success")).as("each migration applied once")
                    .isEqualTo(MERGES + 1);
            assertThat(dev.queryInt("SELECT count(DISTINCT version) FROM sluice.schema_history")).isEqualTo(MERGES + 1);
            for (Merged merge : merges) {
                List<String> posted = github.commentsPosted(merge.number());
                assertThat(posted.stream().filter(body -> body.startsWith("<!-- sluice:release -->")))
                        .as("one sticky release comment on #" + merge.number() + ", edited afterwards").hasSize(1);
                assertThat(posted.stream().filter(body -> !body.startsWith("<!--"))).as("one answer to /sluice status")
                        .hasSize(1);
            }

            double counted = 0;
            List<String> worked = new ArrayList<>();
            for (SluiceProcess replica : replicas) {
                String metrics = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + replica.httpPort + "/prometheus"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher series = Pattern.compile("(?m)^sluice_deliveries_total\\{[^}]*outcome=\"done\"[^}]*} (\\S+)$").matcher(metrics);
                while (series.find()) {
                    counted += Double.parseDouble(series.group(1));
                }
                Matcher line = WORKED.matcher(replica.output());
                while (line.find()) {
                    worked.add(line.group(1));
                }
            }
            Set<String> distinct = new HashSet<>(worked);
            assertThat(worked).as("each installation delivery worked by exactly one replica, once").hasSize(INSTALLATION_EVENTS);
            assertThat(distinct).hasSize(INSTALLATION_EVENTS);
            assertThat(counted).as("sluice_deliveries_total of both replicas").isEqualTo(expected);
        }
    }

    /** Each replica its own mirror folder, as each pod has its own volume. */
    private Map<String, String> replica(Path config, String key, String name) {
        return Map.of("MICRONAUT_CONFIG_FILES", config.toString(), "SLUICE_GITHUB_PRIVATE_KEY", key,
                "SLUICE_GIT_MIRRORS", userHome.resolve("mirrors-" + name).toString());
    }

    /** acme/shop: V1 on main, then one pull request per merge adding the next migration, merged in turn. */
    private List<Merged> repository() throws Exception {
        ShopRepository shop = new ShopRepository(userHome);
        shop.write("sluice.yaml", """
                migrations: db/migrations
                environments:
                  - name: dev
                    targets: [dev]
                """);
        shop.write("db/migrations/V1__accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);\n");
        shop.commit("accounts");
        List<Merged> merges = new ArrayList<>();
        for (int number = 1; number <= MERGES; number++) {
            merges.add(shop.mergePullRequest(number, "db/migrations/V" + (number + 1) + "__table_" + number + ".sql",
                    "CREATE TABLE table_" + number + " (id int);\n"));
        }
        return merges;
    }

    private static String merged(Merged merge) {
        return """
                {"action":"closed","number":%d,"pull_request":{"number":%d,"state":"closed","merged":true,"merge_commit_sha":"%s",
                 "user":{"login":"author"},"head":{"sha":"%s","ref":"pr%d"},"base":{"sha":"%s","ref":"main"}},
                 "repository":%s,"installation":{"id":42},"sender":{"login":"author"}}"""
                .formatted(merge.number(), merge.number(), merge.merge().name(), merge.head().name(), merge.number(),
                        merge.base().name(), REPOSITORY);
    }

    private static String push(Merged merge) {
        return """
                {"ref":"refs/heads/main","before":"%s","after":"%s","created":false,"deleted":false,"forced":false,
                 "head_commit":{"id":"%s"},"commits":[],"pusher":{"name":"author"},
                 "repository":%s,"installation":{"id":42},"sender":{"login":"author"}}"""
                .formatted(merge.base().name(), merge.merge().name(), merge.merge().name(), REPOSITORY);
    }

    private static String comment(int number, String text) {
        return """
                {"action":"created","issue":{"number":%d,"user":{"login":"author"},"pull_request":{"url":"x"}},
                 "comment":{"id":%d,"body":"%s","user":{"login":"dev","type":"User"}},
                 "repository":%s,"installation":{"id":42},"sender":{"login":"dev"}}"""
                .formatted(number, 500 + number, text, REPOSITORY);
    }

    private int post(SluiceProcess replica, String event, String id, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + replica.httpPort + "/webhooks/github"))
                .header("Content-Type", "application/json").header("X-GitHub-Event", event).header("X-GitHub-Delivery", id)
                .header("X-Hub-Signature-256", WebhookSignature.sign(SECRET, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
            synchronized (this) {
                deliveries += status == 202 ? 1 : 0;
            }
            return status;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
