package dev.sluice.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthAndMetricsTest implements TestPropertyProvider {

    private final TestDatabase database = SharedPostgres.newDatabase(getClass().getSimpleName());

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database.micronautDatasource());
        properties.put("datasources.default.connection-timeout", "1000");
        return properties;
    }

    @AfterAll
    void allowConnectionsAgain() throws SQLException {
        setConnectionsAllowed(true);
    }

    @Test
    void healthIsUpWhileTheControllerDatabaseAnswersAndDownWhenItDoesNot() throws SQLException, InterruptedException {
        HttpResponse<String> up = client.toBlocking().exchange(HttpRequest.GET("/health"), String.class);
        assertThat(up.getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(up.body()).contains("\"status\":\"UP\"");

        setConnectionsAllowed(false);
        try {
            HttpClientResponseException down = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(HttpRequest.GET("/health"), String.class));
            assertThat(down.getStatus().getCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
            assertThat(down.getResponse().getBody(String.class)).get().asString().contains("\"status\":\"DOWN\"");
        } finally {
            setConnectionsAllowed(true);
        }

        assertThat(healthAfterRecovery()).as("UP again once the database answers").isEqualTo(HttpStatus.OK.getCode());
    }

    /** The pool finds and drops the connections the outage killed on first use, so the first checks may still fail. */
    private int healthAfterRecovery() throws InterruptedException {
        int status = 0;
        for (int attempt = 0; attempt < 20 && status != HttpStatus.OK.getCode(); attempt++) {
            try {
                status = client.toBlocking().exchange(HttpRequest.GET("/health"), String.class).getStatus().getCode();
            } catch (HttpClientResponseException e) {
                status = e.getStatus().getCode();
                Thread.sleep(250); // waiting for the pool to replace dead connections: nothing to wait on instead
            }
        }
        return status;
    }

    @Test
    void prometheusServesMetricsInTheTextFormat() {
        HttpResponse<String> metrics = client.toBlocking().exchange(HttpRequest.GET("/prometheus"), String.class);
        assertThat(metrics.getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(metrics.body()).contains("# TYPE jvm_memory_used_bytes gauge").contains("hikaricp_connections");
    }

    @Test
    void configurationIsNotExposed() {
        HttpClientResponseException notFound = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/env"), String.class));
        assertThat(notFound.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
    }

    /** Shuts the database's door and ends its open sessions, as an outage would. */
    private void setConnectionsAllowed(boolean allowed) throws SQLException {
        try (Connection admin = SharedPostgres.server().connect("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + database.name() + " WITH ALLOW_CONNECTIONS " + allowed);
            if (!allowed) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database.name() + "'");
            }
        }
    }
}
