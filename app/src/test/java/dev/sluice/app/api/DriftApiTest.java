package dev.sluice.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** /api/drift over HTTP on drift checks and schema snapshots inserted with SQL (the drift checker is not part of this). */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriftApiTest implements TestPropertyProvider {

    private final TestDatabase database = SharedPostgres.newDatabase(getClass().getSimpleName());

    @Inject
    @Client("/")
    HttpClient http;

    private ApiClient api;

    @Override
    public Map<String, String> getProperties() {
        return database.micronautDatasource();
    }

    @BeforeAll
    void insertChecksAndSnapshots() throws SQLException {
        api = new ApiClient(http);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO sluice.schema_snapshot (target, database, repository, release, taken_at, taken_by, reason, digest, snapshot)
                    VALUES ('prod', '', 'acme/shop', '20250301.1', '2025-03-01T10:00:00Z', 'sluice', 'apply', 'sha256:old', 'OLD SCHEMA TEXT'),
                           ('prod', '', 'acme/shop', '20250302.1', '2025-03-02T10:00:00Z', 'sluice', 'apply', 'sha256:new', 'NEW SCHEMA TEXT'),
                           ('tenants', 'tenant01', NULL, NULL, '2025-03-01T09:00:00Z', 'alice', 'baseline', 'sha256:t1', 'TENANT SCHEMA TEXT')""");
            statement.execute("""
                    INSERT INTO sluice.drift_state (target, database, repository, checked_at, drifted, differences, report, since)
                    VALUES ('prod', '', 'acme/shop', '2025-03-03T08:00:00Z', true, 2, 'index orders_created_at is missing', '2025-03-02T12:00:00Z'),
                           ('staging', '', 'acme/shop', '2025-03-03T08:00:00Z', false, 0, '', NULL)""");
        }
    }

    @Test
    void listsEachTargetDatabaseWithItsLastCheckAndLatestRecordedSchema() {
        ApiClient.Answer answer = api.get("/api/drift");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).as("the schema text is never served").doesNotContain("SCHEMA TEXT");
        JsonNode databases = answer.json().get("databases");
        assertThat(databases).extracting(d -> d.get("target").asText() + "/" + d.get("database").asText())
                .containsExactly("prod/", "staging/", "tenants/tenant01");

        JsonNode prod = databases.get(0);
        assertThat(prod.get("repository").asText()).isEqualTo("acme/shop");
        assertThat(prod.get("drifted").asBoolean()).isTrue();
        assertThat(prod.get("differences").asInt()).isEqualTo(2);
        assertThat(prod.get("report").asText()).isEqualTo("index orders_created_at is missing");
        assertThat(prod.get("since").asText()).isEqualTo("2025-03-02T12:00:00Z");
        assertThat(prod.get("checkedAt").asText()).isEqualTo("2025-03-03T08:00:00Z");
        JsonNode snapshot = prod.get("snapshot");
        assertThat(snapshot.get("release").asText()).as("the latest snapshot").isEqualTo("20250302.1");
        assertThat(snapshot.get("takenAt").asText()).isEqualTo("2025-03-02T10:00:00Z");
        assertThat(snapshot.get("takenBy").asText()).isEqualTo("sluice");
        assertThat(snapshot.get("reason").asText()).isEqualTo("apply");
        assertThat(snapshot.get("digest").asText()).isEqualTo("sha256:new");
        assertThat(snapshot.has("snapshot")).isFalse();

        JsonNode staging = databases.get(1);
        assertThat(staging.get("drifted").asBoolean()).isFalse();
        assertThat(staging.get("since").isNull()).isTrue();
        assertThat(staging.get("snapshot").isNull()).isTrue();

        JsonNode tenant = databases.get(2);
        assertThat(tenant.get("drifted").isNull()).as("recorded, never checked").isTrue();
        assertThat(tenant.get("checkedAt").isNull()).isTrue();
        assertThat(tenant.get("snapshot").get("reason").asText()).isEqualTo("baseline");
        assertThat(tenant.get("snapshot").get("release").isNull()).isTrue();
    }

    @Test
    void filtersOnWhetherTheDatabaseDrifted() {
        assertThat(api.get("/api/drift?drifted=true").json().get("databases")).extracting(d -> d.get("target").asText())
                .containsExactly("prod");
        assertThat(api.get("/api/drift?drifted=false").json().get("databases")).extracting(d -> d.get("target").asText())
                .containsExactly("staging");
        ApiClient.Answer bad = api.get("/api/drift?drifted=yes");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("message").asText()).isEqualTo("drifted must be true or false, not \"yes\"");
    }
}
