package dev.sluice.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest implements TestPropertyProvider {

    private final TestDatabase database = SharedPostgres.newDatabase(getClass().getSimpleName());

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return database.micronautDatasource();
    }

    @Test
    void theDashboardIsOneSelfContainedPageReadingTheApi() {
        ApiClient.Answer page = new ApiClient(http).get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<!DOCTYPE html>", "/api/releases", "/api/environments", "/api/drift", "/api/audit?limit=20",
                "Authorization");
        assertThat(page.body()).as("no external assets").doesNotContain("src=\"http", "href=\"http", "<link");
    }
}
