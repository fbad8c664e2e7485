package dev.sluice.app.webhook;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryWorkerTest implements TestPropertyProvider {

    static final String SECRET = "worker-secret";

    private final TestDatabase database = SharedPostgres.newDatabase(getClass().getSimpleName());

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DeliveryWorker worker;

    @Inject
    DeliveryQueue queue;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database.micronautDatasource());
        properties.put("sluice.github.webhook-secret", SECRET);
        properties.put("sluice.repositories", "acme/shop");
        properties.put("sluice.queue.initial-delay", "1h"); // tests drain the queue themselves
        properties.put("sluice.queue.work-on-arrival", "false");
        return properties;
    }

    private int post(String event, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.POST("/webhooks/github", bytes).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("X-GitHub-Event", event).header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", WebhookSignature.sign(SECRET, bytes));
        return client.toBlocking().exchange(request, String.class).code();
    }

    private List<String> query(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    @Test
    void aSuspendedInstallationStopsWorkForItUntilItIsUnsuspended() throws Exception {
        String pullRequest = """
                {"action":"opened","number":1,"pull_request":{"number":1},"repository":{"full_name":"acme/shop"},
                 "installation":{"id":77}}""";
        assertThat(post("installation", "{\"action\":\"suspend\",\"installation\":{\"id\":77,\"account\":{\"login\":\"acme\"}}}"))
                .isEqualTo(202);
        worker.drain();

        assertThat(query("SELECT stopped::text FROM sluice.installation WHERE id = 77")).containsExactly("true");
        assertThat(post("pull_request", pullRequest)).isEqualTo(200);

        assertThat(post("installation", "{\"action\":\"unsuspend\",\"installation\":{\"id\":77,\"account\":{\"login\":\"acme\"}}}"))
                .isEqualTo(202);
        worker.drain();
        assertThat(post("pull_request", pullRequest)).isEqualTo(202);
    }

    @Test
    void aFailingDeliveryIsRetriedWithBackoffAndThenParkedNotLooped() throws Exception {
        assertThat(post("check_suite", """
                {"action":"completed","check_suite":{"id":5,"head_sha":"abc"},"repository":{"full_name":"acme/shop"}}""")).isEqualTo(202);

        assertThat(worker.drain()).isEqualTo(1);
        assertThat(worker.drain()).as("not due again until its backoff has passed").isZero();
        assertThat(query("SELECT state || ' ' || attempts || ' ' || (next_attempt_at > now())::text || ' ' || last_error"
                + " FROM sluice.delivery WHERE event = 'check_suite'"))
                .containsExactly("queued 1 true IllegalStateException: GitHub answered 502");

        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE sluice.delivery SET attempts = " + DeliveryQueue.BACKOFF.size()
                    + ", next_attempt_at = now() WHERE event = 'check_suite'");
        }
        worker.drain();
        assertThat(query("SELECT state FROM sluice.delivery WHERE event = 'check_suite'")).containsExactly("parked");
        assertThat(worker.drain()).isZero();
    }

    @Test
    void aRateLimitedDeliveryWaitsUntilTheTimeGitHubNamed() throws Exception {
        assertThat(post("check_run", """
                {"action":"created","check_run":{"id":9,"head_sha":"abc"},"repository":{"full_name":"acme/shop"}}""")).isEqualTo(202);

        worker.drain();

        assertThat(query("SELECT (next_attempt_at > now() + interval '55 minutes')::text FROM sluice.delivery WHERE event = 'check_run'"))
                .containsExactly("true");
    }

    @Test
    void replicasClaimingTogetherNeverTakeTheSameDelivery() throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO sluice.delivery (id, event, action, received_at, body)"
                    + " SELECT 'race-' || g, 'race', '', now(), '{}'::bytea FROM generate_series(1, 60) g");
        }
        Set<String> seen = Collections.synchronizedSet(new HashSet<>());
        List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
        Runnable replica = () -> {
            try {
                List<DeliveryQueue.Claimed> batch;
                while (!(batch = queue.claim(List.of("race"), 7)).isEmpty()) {
                    for (DeliveryQueue.Claimed claimed : batch) {
                        if (!seen.add(claimed.id())) {
                            duplicates.add(claimed.id());
                        }
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        CompletableFuture.allOf(CompletableFuture.runAsync(replica), CompletableFuture.runAsync(replica),
                CompletableFuture.runAsync(replica)).join();

        assertThat(seen).hasSize(60);
        assertThat(duplicates).isEmpty();
    }
}
