package dev.sluice.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** /api/audit over HTTP on audit lines inserted with SQL: filters, keyset paging, bad input, the JSON Lines export. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditApiTest implements TestPropertyProvider {

    /** Lines of acme/shop: 3 days of 40, alternating actors and environments. */
    static final int SHOP_LINES = 120;
    /** Enough lines that the export runs through many fetches of the cursor. */
    static final int BULK_LINES = 25_000;

    private final TestDatabase database = SharedPostgres.newDatabase(getClass().getSimpleName());

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    private ApiClient api;

    @Override
    public Map<String, String> getProperties() {
        return database.micronautDatasource();
    }

    @BeforeAll
    void insertAuditLines() throws SQLException {
        api = new ApiClient(http);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO sluice.audit_event (occurred_at, actor, action, repository, environment, release, target, detail)
                    SELECT timestamptz '2025-03-01T00:00:00Z' + (n / 40) * interval '1 day' + (n % 40) * interval '1 minute',
                           CASE WHEN n % 2 = 0 THEN 'alice' ELSE 'bob' END,
                           CASE WHEN n % 3 = 0 THEN 'approval-given' ELSE 'deploy-succeeded' END,
                           'acme/shop', CASE WHEN n % 2 = 0 THEN 'staging' ELSE 'prod' END, '20250301.' || (n / 40 + 1),
                           CASE WHEN n % 5 = 0 THEN 'tenants' END, 'line ' || n
                    FROM generate_series(0, {last}) AS n""".replace("{last}", Integer.toString(SHOP_LINES - 1)));
            statement.execute("""
                    INSERT INTO sluice.audit_event (occurred_at, actor, action, repository, detail)
                    SELECT timestamptz '2025-04-01T00:00:00Z' + n * interval '1 second', 'sluice', 'bulk', 'acme/bulk',
                           'a line of some length, so the export is several chunks: ' || repeat('x', 80) || ' ' || n
                    FROM generate_series(1, {last}) AS n""".replace("{last}", Integer.toString(BULK_LINES)));
        }
    }

    @Test
    void pagesNewestFirstByIdUntilTheLastPage() {
        List<Long> ids = new ArrayList<>();
        String next = "/api/audit?repository=acme/shop&limit=50";
        int pages = 0;
        while (next != null) {
            JsonNode page = api.get(next).json();
            page.get("events").forEach(event -> ids.add(event.get("id").asLong()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(SHOP_LINES).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void theNextLinkKeepsEveryFilter() {
        JsonNode page = api.get("/api/audit?actor=alice&environment=staging&from=2025-03-01T00:00:00Z&limit=10").json();
        assertThat(page.get("events")).hasSize(10);
        long last = page.get("events").get(9).get("id").asLong();
        assertThat(page.get("next").asText()).isEqualTo("/api/audit?actor=alice&environment=staging&from=2025-03-01T00%3A00%3A00Z"
                + "&limit=10&before=" + last);
    }

    @Test
    void filtersByEachColumnAndByTime() {
        assertThat(count("actor=alice&repository=acme/shop")).isEqualTo(60);
        assertThat(count("action=approval-given")).isEqualTo(40);
        assertThat(count("environment=prod")).isEqualTo(60);
        assertThat(count("release=20250301.2")).isEqualTo(40);
        assertThat(count("target=tenants")).isEqualTo(24);
        assertThat(count("actor=bob&action=approval-given&release=20250301.1")).isEqualTo(7);
        // from is inclusive, to exclusive: the second day exactly.
        assertThat(count("repository=acme/shop&from=2025-03-02T00:00:00Z&to=2025-03-03T00:00:00Z")).isEqualTo(40);

        JsonNode event = api.get("/api/audit?release=20250301.1&target=tenants&limit=1").json().get("events").get(0);
        assertThat(event.get("actor").asText()).isEqualTo("bob");
        assertThat(event.get("action").asText()).isEqualTo("deploy-succeeded");
        assertThat(event.get("repository").asText()).isEqualTo("acme/shop");
        assertThat(event.get("environment").asText()).isEqualTo("prod");
        assertThat(event.get("occurredAt").asText()).isEqualTo("2025-03-01T00:35:00Z");
        assertThat(event.get("detail").asText()).isEqualTo("line 35");
    }

    @Test
    void theControllerStartIsInTheTrailWithNullsForWhatItIsNotAbout() {
        JsonNode started = api.get("/api/audit?action=controller.started").json().get("events").get(0);
        assertThat(started.get("actor").asText()).isEqualTo("sluice");
        assertThat(started.get("repository").isNull()).isTrue();
        assertThat(started.get("environment").isNull()).isTrue();
    }

    @Test
    void badParametersAre400sNamingTheParameter() {
        ApiClient.Answer from = api.get("/api/audit?from=yesterday");
        assertThat(from.status()).isEqualTo(400);
        assertThat(from.contentType()).startsWith("application/json");
        assertThat(from.json().get("message").asText())
                .isEqualTo("from must be an ISO-8601 instant such as 2025-01-31T12:00:00Z, not \"yesterday\"");
        assertThat(api.get("/api/audit?to=2025-03-01").json().get("message").asText()).startsWith("to must be an ISO-8601 instant");
        assertThat(api.get("/api/audit?limit=ten").json().get("message").asText()).startsWith("limit must be a whole number");
        assertThat(api.get("/api/audit?format=csv").json().get("message").asText()).isEqualTo("format must be json or jsonl, not \"csv\"");
    }

    @Test
    void exportsEveryMatchingLineAsJsonLinesOldestFirst() throws Exception {
        ApiClient.Answer export = api.send(HttpRequest.GET("/api/audit?repository=acme/shop&actor=alice")
                .header("Accept", "application/x-ndjson"));
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        String[] lines = export.body().split("\n");
        assertThat(lines).hasSize(60); // no paging limit
        ObjectMapper json = new ObjectMapper();
        JsonNode firstLine = json.readTree(lines[0]);
        assertThat(firstLine.get("detail").asText()).isEqualTo("line 0");
        assertThat(firstLine.get("actor").asText()).isEqualTo("alice");
        assertThat(json.readTree(lines[59]).get("detail").asText()).isEqualTo("line 118");
    }

    @Test
    void streamsALargeExportThroughACursor() throws Exception {
        // Read as a stream with the JDK client: the whole export is larger than the Micronaut client buffers.
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> response = client.send(java.net.http.HttpRequest.newBuilder(
                URI.create(server.getURL() + "/api/audit?action=bulk&format=jsonl")).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        long lines = 0;
        long bytes = 0;
        String last = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                bytes += line.length() + 1;
                last = line;
            }
        }
        assertThat(lines).isEqualTo(BULK_LINES);
        assertThat(bytes).isGreaterThan(3L * 1024 * 1024);
        assertThat(new ObjectMapper().readTree(last).get("detail").asText()).endsWith(" " + BULK_LINES);
        assertThat(count("action=bulk")).as("the connection went back to the pool").isEqualTo(500);
    }

    private int count(String query) {
        JsonNode page = api.get("/api/audit?limit=500&" + query).json();
        return page.get("events").size();
    }
}
