package dev.sluice.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.rollout.config.ProjectConfig;
import dev.sluice.rollout.release.NewRelease;
import dev.sluice.rollout.release.Release;
import dev.sluice.rollout.release.ReleaseFile;
import dev.sluice.rollout.release.Releases;
import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

/**
 * Holds openapi.yaml to the code: every /api route the app serves is described with the same path
 * and parameters, nothing is described that is not served, and every described path answers.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest implements TestPropertyProvider {

    private final TestDatabase database = SharedPostgres.newDatabase(getClass().getSimpleName());

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Router router;

    @Inject
    Releases releases;

    private ApiClient api;
    private Map<String, Object> document;
    private Release release;

    @Override
    public Map<String, String> getProperties() {
        return database.micronautDatasource();
    }

    @BeforeAll
    void loadTheServedDocument() {
        api = new ApiClient(http);
        ApiClient.Answer answer = api.get("/api/openapi.yaml");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/yaml");
        document = new Yaml().load(answer.body());
        String policy = "migrations: db/migrations\nenvironments:\n  - name: dev\n    targets: [dev]\n";
        release = releases.cut(new NewRelease("acme/shop", "c1", Optional.empty(), Optional.empty(), 0, policy,
                ProjectConfig.parse(policy, "sluice.yaml"), List.of(ReleaseFile.of("V1__a.sql", "SELECT 1;")), false)).release();
    }

    @Test
    void isOpenApi31() {
        assertThat(document.get("openapi")).isEqualTo("3.1.0");
    }

    @Test
    void everyApiRouteIsDescribedWithItsParametersAndNothingElseIs() {
        Map<String, Set<String>> served = served();
        assertThat(served).as("the routes are found").containsKeys("/api/releases", "/api/releases/{version}", "/api/audit", "/api/drift")
                .containsEntry("/api/releases/{version}", Set.of("path:version", "query:repository"));
        assertThat(described()).isEqualTo(served);
    }

    @Test
    void theApiIsReadOnly() {
        assertThat(apiRoutes()).extracting(UriRouteInfo::getHttpMethod).containsOnly(HttpMethod.GET, HttpMethod.HEAD); // Micronaut adds HEAD to GET
    }

    @Test
    void everyDescribedPathAnswers() {
        for (String path : paths().keySet()) {
            String concrete = path.replace("{version}", release.version());
            assertThat(concrete).doesNotContain("{");
            assertThat(api.get(concrete).status()).as(concrete).isEqualTo(200);
        }
    }

    /** Path → its parameters as "in:name", from the routes. */
    private Map<String, Set<String>> served() {
        Map<String, Set<String>> routes = new TreeMap<>();
        for (UriRouteInfo<?, ?> route : apiRoutes()) {
            Set<String> parameters = new TreeSet<>();
            for (Argument<?> argument : route.getTargetMethod().getArguments()) {
                argument.getAnnotationMetadata().stringValue(QueryValue.class).ifPresent(name -> parameters.add("query:" + name));
                argument.getAnnotationMetadata().stringValue(PathVariable.class).ifPresent(name -> parameters.add("path:" + name));
            }
            routes.put(route.getUriMatchTemplate().toString(), parameters);
        }
        return routes;
    }

    /** Path → its parameters as "in:name", from the document ($ref to components resolved). */
    @SuppressWarnings("unchecked")
    private Map<String, Set<String>> described() {
        Map<String, Set<String>> routes = new TreeMap<>();
        paths().forEach((path, item) -> {
            Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) item).get("get");
            assertThat(get).as("GET " + path).isNotNull();
            assertThat((Map<String, Object>) get.get("responses")).as(path).containsKey("200");
            Set<String> parameters = new TreeSet<>();
            for (Map<String, Object> parameter : (List<Map<String, Object>>) get.getOrDefault("parameters", List.of())) {
                Map<String, Object> resolved = parameter.containsKey("$ref") ? resolve((String) parameter.get("$ref")) : parameter;
                parameters.add(resolved.get("in") + ":" + resolved.get("name"));
            }
            routes.put(path, parameters);
        });
        return routes;
    }

    private List<UriRouteInfo<?, ?>> apiRoutes() {
        return router.uriRoutes().filter(route -> route.getUriMatchTemplate().toString().startsWith("/api")).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> paths() {
        return (Map<String, Object>) document.get("paths");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(String reference) {
        assertThat(reference).startsWith("#/");
        Object node = document;
        for (String part : reference.substring(2).split("/")) {
            node = ((Map<String, Object>) node).get(part);
        }
        assertThat(node).as(reference).isNotNull();
        return (Map<String, Object>) node;
    }
}
