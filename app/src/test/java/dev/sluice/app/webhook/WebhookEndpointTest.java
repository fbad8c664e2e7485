package dev.sluice.app.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import dev.sluice.webhooks.intake.WebhookSignature;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Real HTTP with real signatures against the running app and a real PostgreSQL (RELIABILITY scenarios 1-8, 13-16, 18, 20). */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookEndpointTest implements TestPropertyProvider {

    static final String SECRET = "s3cret-for-tests";
    static final String OPENED = """
            {"action":"opened","number":7,"pull_request":{"number":7,"title":"Add orders 🐢 注文","head":{"sha":"0123456789abcdef0123456789abcdef01234567"}},
             "repository":{"id":1,"full_name":"acme/shop","name":"shop","owner":{"login":"acme"}},
             "installation":{"id":42},"sender":{"login":"alice"}}""";

    private final TestDatabase database = SharedPostgres.newDatabase(getClass().getSimpleName());

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database.micronautDatasource());
        properties.put("sluice.github.webhook-secret", "new-secret");
        properties.put("sluice.github.previous-webhook-secrets", SECRET);
        properties.put("sluice.repositories", "acme/shop");
        properties.put("micronaut.server.max-request-size", "65536");
        return properties;
    }

    private HttpResponse<String> post(String event, String delivery, byte[] body, String signature) {
        var request = HttpRequest.POST("/webhooks/github", body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("X-GitHub-Event", event).header("X-GitHub-Delivery", delivery).header("User-Agent", "GitHub-Hookshot/test");
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return (HttpResponse<String>) e.getResponse();
        }
    }

    private HttpResponse<String> postSigned(String event, String delivery, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post(event, delivery, bytes, WebhookSignature.sign(SECRET, bytes));
    }

    private int stored(String delivery) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM sluice.delivery WHERE id = '" + delivery + "'")) {
            row.next();
            return row.getInt(1);
        }
    }

    @Test
    void aSignedDeliveryIsRecordedBeforeThe202AndARepeatIsNotRecordedAgain() throws Exception {
        String delivery = UUID.randomUUID().toString();

        HttpResponse<String> first = postSigned("pull_request", delivery, OPENED);
        HttpResponse<String> repeat = postSigned("pull_request", delivery, OPENED);

        assertThat(first.code()).isEqualTo(202);
        assertThat(stored(delivery)).isEqualTo(1);
        assertThat(repeat.code()).isEqualTo(200);
        assertThat(repeat.body()).isEqualTo("already received\n");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT event, action, repository, installation_id, state, convert_from(body, 'UTF8')"
                     + " FROM sluice.delivery WHERE id = '" + delivery + "'")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("pull_request");
            assertThat(row.getString(2)).isEqualTo("opened");
            assertThat(row.getString(3)).isEqualTo("acme/shop");
            assertThat(row.getLong(4)).isEqualTo(42);
            assertThat(row.getString(5)).isEqualTo("queued");
            assertThat(row.getString(6)).isEqualTo(OPENED);
        }
    }

    @Test
    void badSignaturesGet401AndLeaveNothing() throws Exception {
        byte[] body = OPENED.getBytes(StandardCharsets.UTF_8);
        String forged = UUID.randomUUID().toString();
        assertThat(post("pull_request", forged, body, WebhookSignature.sign("wrong", body)).code()).isEqualTo(401);
        String missing = UUID.randomUUID().toString();
        assertThat(post("pull_request", missing, body, null).code()).isEqualTo(401);
        String reserialized = UUID.randomUUID().toString();
        byte[] reformatted = OPENED.replace("\n", "").replace(",", ", ").getBytes(StandardCharsets.UTF_8);
        assertThat(post("pull_request", reserialized, reformatted, WebhookSignature.sign(SECRET, body)).code()).isEqualTo(401);
        String sha1Only = UUID.randomUUID().toString();
        var request = HttpRequest.POST("/webhooks/github", body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("X-GitHub-Event", "pull_request").header("X-GitHub-Delivery", sha1Only)
                .header("X-Hub-Signature", "sha1=0123456789abcdef0123456789abcdef01234567");
        try {
            client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            assertThat(e.getStatus().getCode()).isEqualTo(401);
        }
        for (String delivery : new String[] {forged, missing, reserialized, sha1Only}) {
            assertThat(stored(delivery)).as(delivery).isZero();
        }
    }

    @Test
    void theCurrentAndThePreviousSecretAreBothAccepted() {
        byte[] body = OPENED.getBytes(StandardCharsets.UTF_8);
        assertThat(post("pull_request", UUID.randomUUID().toString(), body, WebhookSignature.sign("new-secret", body)).code())
                .isEqualTo(202);
    }

    @Test
    void pingsOtherRepositoriesAndUnknownEventsAreAcknowledgedAndIgnored() throws Exception {
        assertThat(postSigned("ping", "p-" + UUID.randomUUID(), "{\"zen\":\"Design for failure.\",\"hook_id\":1}").code()).isEqualTo(200);
        String other = UUID.randomUUID().toString();
        HttpResponse<String> response = postSigned("pull_request", other, OPENED.replace("acme/shop", "someone/else"));
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body()).contains("not in sluice.repositories");
        assertThat(stored(other)).isZero();
        assertThat(postSigned("merge_group", UUID.randomUUID().toString(), "{\"action\":\"checks_requested\"}").code()).isEqualTo(200);
    }

    @Test
    void malformedAndOversizedBodiesAreRefused() throws Exception {
        String truncated = UUID.randomUUID().toString();
        assertThat(postSigned("pull_request", truncated, OPENED.substring(0, 80)).code()).isEqualTo(400);
        assertThat(postSigned("push", UUID.randomUUID().toString(), OPENED).code()).as("header and body disagree").isEqualTo(400);
        assertThat(stored(truncated)).isZero();

        byte[] huge = new byte[100_000];
        Arrays.fill(huge, (byte) ' ');
        assertThat(post("pull_request", UUID.randomUUID().toString(), huge, WebhookSignature.sign(SECRET, huge)).code()).isEqualTo(413);
    }
}
