package dev.sluice.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With sluice.api.token set, /api needs the bearer token; health, metrics and the dashboard page stay open. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTokenTest implements TestPropertyProvider {

    static final String TOKEN = "s3cret-api-token";
    static final List<String> API = List.of("/api/releases", "/api/releases/20250101.1", "/api/environments", "/api/audit",
            "/api/audit?format=jsonl", "/api/drift", "/api/openapi.yaml");

    private final TestDatabase database = SharedPostgres.newDatabase(getClass().getSimpleName());

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database.micronautDatasource());
        properties.put("sluice.api.token", TOKEN);
        return properties;
    }

    @Test
    void everyApiPathRefusesARequestWithoutTheToken() {
        ApiClient api = new ApiClient(http);
        for (String path : API) {
            ApiClient.Answer answer = api.get(path);
            assertThat(answer.status()).as(path).isEqualTo(401);
            assertThat(answer.json().get("message").asText()).as(path).isEqualTo("this API needs Authorization: Bearer <sluice.api.token>");
        }
    }

    @Test
    void aWrongTokenIsRefused() {
        ApiClient api = new ApiClient(http);
        for (String wrong : List.of("Bearer nope", "Bearer " + TOKEN + "x", "Basic " + TOKEN, TOKEN)) {
            ApiClient.Answer answer = api.send(HttpRequest.GET("/api/releases").header("Authorization", wrong));
            assertThat(answer.status()).as(wrong).isEqualTo(401);
            assertThat(answer.json().get("message").asText()).isEqualTo("the bearer token is not the API token");
        }
    }

    @Test
    void theTokenOpensEveryApiPath() {
        ApiClient api = new ApiClient(http);
        for (String path : API) {
            ApiClient.Answer answer = api.send(HttpRequest.GET(path).header("Authorization", "Bearer " + TOKEN));
            assertThat(answer.status()).as(path).isIn(200, 404); // 404: the release is unknown, with a JSON message
        }
    }

    @Test
    void healthMetricsAndTheDashboardPageStayOpen() {
        ApiClient api = new ApiClient(http);
        assertThat(api.get("/health").status()).isEqualTo(200);
        assertThat(api.get("/prometheus").status()).isEqualTo(200);
        assertThat(api.get("/").status()).isEqualTo(200);
    }
}
