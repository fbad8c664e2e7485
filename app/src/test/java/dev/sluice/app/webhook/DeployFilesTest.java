package dev.sluice.app.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.rollout.config.EnvironmentConfig;
import dev.sluice.rollout.config.ProjectConfig;
import dev.sluice.rollout.config.TargetConfig;
import dev.sluice.rollout.engine.FleetRunner;
import dev.sluice.rollout.engine.Waves;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The files under {@code deploy/} say what the application really reads: the example configuration
 * builds the controller's {@link Targets}, every key it sets is one the code reads, the compose file
 * wires the services it promises, the App manifest asks for what docs/github-app.md names, and the
 * image runs as a non-root user on a JRE 21 or newer. Plain files, no Docker.
 *
 * <p>In this package because {@link Targets} is built here the way Micronaut builds it.
 */
class DeployFilesTest {

    /** Tests run with the module folder as working directory. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DEPLOY = ROOT.resolve("deploy");

    // --- deploy/example/application.yml -----------------------------------------------------

    @Test
    void exampleConfigurationBuildsTheTargetsOfTheSampleServer() {
        Targets targets = TargetsTest.targets(exampleConfiguration());

        assertThat(targets.all()).containsOnlyKeys("dev", "staging", "prod", "tenants");
        assertThat(targets.all().get("dev").url()).isEqualTo("jdbc:postgresql://target:5432/app_dev");
        assertThat(targets.all().get("prod").password()).contains("sluice-target"); // the placeholder's default
        TargetConfig tenants = targets.all().get("tenants");
        assertThat(tenants.databases()).contains("tenant_%");
        assertThat(tenants.fleet()).isEqualTo(new FleetRunner.Settings(2, new Waves(List.of("1", "50%", "100%")), 0));

        Set<String> sampleDatabases = createdDatabases();
        for (TargetConfig target : targets.all().values()) {
            String database = target.url().substring(target.url().lastIndexOf('/') + 1);
            if (target.databases().isPresent()) {
                String like = target.databases().get().replace("%", ".*").replace("_", ".");
                assertThat(sampleDatabases).as("databases matching " + target.databases().get())
                        .filteredOn(name -> name.matches(like)).hasSize(5);
            } else {
                assertThat(sampleDatabases).as("the database of target " + target.name()).contains(database);
            }
        }
    }

    @Test
    void everyKeyOfTheExampleConfigurationIsOneTheCodeReads() {
        Map<String, Object> flat = flatten("", yaml(DEPLOY.resolve("example/application.yml")));
        Set<String> known = keysReadByTheCode();
        Set<String> targetKeys = targetKeysReadByTheCode();

        List<String> unknown = new ArrayList<>();
        for (String key : flat.keySet()) {
            if (key.startsWith("sluice.targets.")) {
                String property = key.substring(key.indexOf('.', "sluice.targets.".length()) + 1);
                if (!targetKeys.contains(property)) {
                    unknown.add(key);
                }
            } else if (key.startsWith("sluice.") && !known.contains(key)) {
                unknown.add(key);
            } else if (key.startsWith("datasources.") && !Set.of("datasources.default.url", "datasources.default.username",
                    "datasources.default.password").contains(key)) {
                unknown.add(key);
            }
        }
        assertThat(unknown).as("keys no code reads (known: %s, per target: %s)", known, targetKeys).isEmpty();
        assertThat(flat).containsKeys("datasources.default.url", "sluice.repositories");
    }

    @Test
    void everySecretOfTheEnvironmentFileIsAKeyTheCodeReads() throws IOException {
        Set<String> known = keysReadByTheCode().stream().map(key -> key.replace('-', '.')).collect(Collectors.toSet());
        Pattern variable = Pattern.compile("^#?\\s*(SLUICE_[A-Z0-9_]+)=");
        Set<String> variables = new TreeSet<>();
        for (String line : Files.readAllLines(DEPLOY.resolve("example/sluice.env.example"), StandardCharsets.UTF_8)) {
            Matcher matcher = variable.matcher(line);
            if (matcher.find()) {
                variables.add(matcher.group(1));
            }
        }
        assertThat(variables).contains("SLUICE_GITHUB_APP_ID", "SLUICE_GITHUB_PRIVATE_KEY", "SLUICE_GITHUB_WEBHOOK_SECRET",
                "SLUICE_GITHUB_TOKEN");
        for (String name : variables) {
            assertThat(known).as(name + " maps to a key the code reads").contains(name.toLowerCase().replace('_', '.'));
        }
    }

    @Test
    void exampleSluiceYamlParsesAndNamesOnlyConfiguredTargets() throws IOException {
        ProjectConfig config = ProjectConfig.parse(Files.readString(DEPLOY.resolve("example/sluice.yaml")), "deploy/example/sluice.yaml");
        Targets targets = TargetsTest.targets(exampleConfiguration());

        assertThat(config.environments()).extracting(EnvironmentConfig::name).containsExactly("dev", "staging", "prod");
        for (EnvironmentConfig environment : config.environments()) {
            assertThat(targets.all().keySet()).as("targets of " + environment.name()).containsAll(environment.targets());
        }
    }

    // --- deploy/compose.yaml ------------------------------------------------------------------

    @Test
    void composeRunsStateTargetAndTheController() {
        Map<String, Object> compose = yaml(DEPLOY.resolve("compose.yaml"));
        Map<String, Object> services = map(compose.get("services"));
        assertThat(services).containsOnlyKeys("state", "target", "sluice");

        for (String database : List.of("state", "target")) {
            Map<String, Object> service = map(services.get(database));
            assertThat(service.get("image")).isEqualTo("postgres:17");
            assertThat(map(service.get("healthcheck")).get("test")).asString().contains("pg_isready");
            assertThat(list(service.get("volumes"))).anySatisfy(volume -> assertThat(volume.toString())
                    .startsWith(database + "-data:/var/lib/postgresql/data"));
        }
        assertThat(list(map(services.get("target")).get("volumes")))
                .anySatisfy(volume -> assertThat(volume.toString()).startsWith("./example/target-init.sql:/docker-entrypoint-initdb.d/"));

        Map<String, Object> sluice = map(services.get("sluice"));
        Map<String, Object> build = map(sluice.get("build"));
        assertThat(DEPLOY.resolve(build.get("context").toString()).normalize()).isEqualTo(ROOT);
        assertThat(ROOT.resolve(build.get("dockerfile").toString())).isRegularFile();
        assertThat(map(map(sluice.get("depends_on")).get("state"))).containsEntry("condition", "service_healthy");
        assertThat(list(sluice.get("ports"))).contains("8080:8080");

        Map<String, Object> environment = map(sluice.get("environment"));
        String configFile = environment.get("MICRONAUT_CONFIG_FILES").toString();
        assertThat(list(sluice.get("volumes"))).contains("./example/application.yml:" + configFile + ":ro", "sluice-data:/var/lib/sluice");
        assertThat(map(compose.get("volumes"))).containsOnlyKeys("state-data", "target-data", "sluice-data");

        List<Map<String, Object>> envFiles = list(sluice.get("env_file")).stream().map(DeployFilesTest::map).toList();
        assertThat(envFiles.getFirst().get("path")).isEqualTo("./example/sluice.env.example");
        for (Map<String, Object> envFile : envFiles) {
            if (!Boolean.FALSE.equals(envFile.get("required"))) {
                assertThat(DEPLOY.resolve(envFile.get("path").toString())).isRegularFile();
            }
        }

        // Every ${NAME:default} of the example configuration is given by compose, with the same value
        // as the database service it opens.
        Map<String, String> placeholders = placeholders(DEPLOY.resolve("example/application.yml"));
        assertThat(environment).containsKeys(placeholders.keySet().toArray(String[]::new));
        assertThat(environment.get("SLUICE_STATE_PASSWORD")).isEqualTo(map(map(services.get("state")).get("environment")).get("POSTGRES_PASSWORD"));
        assertThat(environment.get("SAMPLE_TARGET_PASSWORD")).isEqualTo(map(map(services.get("target")).get("environment")).get("POSTGRES_PASSWORD"));
        placeholders.forEach((name, fallback) -> assertThat(fallback).as(name).isEqualTo(environment.get(name)));
    }

    // --- deploy/github-app-manifest.json ------------------------------------------------------

    private static final Map<String, String> PERMISSIONS = Map.of("checks", "write", "contents", "read", "issues", "write",
            "members", "read", "metadata", "read", "pull_requests", "write", "statuses", "write");
    private static final List<String> EVENTS = List.of("check_run", "issue_comment", "pull_request", "pull_request_review", "push");

    @Test
    void appManifestAsksForWhatTheDocsName() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(DEPLOY.resolve("github-app-manifest.json").toFile());
        Set<String> fields = new TreeSet<>();
        manifest.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).isSubsetOf("name", "url", "hook_attributes", "redirect_url", "callback_urls", "setup_url", "description",
                "public", "default_events", "default_permissions", "request_oauth_on_install", "setup_on_update");
        assertThat(manifest.path("hook_attributes").path("url").asText()).endsWith("/webhooks/github");

        Map<String, String> permissions = new LinkedHashMap<>();
        manifest.path("default_permissions").fields().forEachRemaining(entry -> permissions.put(entry.getKey(), entry.getValue().asText()));
        assertThat(permissions).isEqualTo(PERMISSIONS);
        List<String> events = new ArrayList<>();
        manifest.path("default_events").forEach(event -> events.add(event.asText()));
        // installation is sent to every App and cannot be subscribed to, so it is not listed.
        assertThat(events).containsExactlyInAnyOrderElementsOf(EVENTS);

        String doc = Files.readString(ROOT.resolve("docs/github-app.md"));
        PERMISSIONS.forEach((permission, access) -> assertThat(doc).contains("`" + permission + "`"));
        EVENTS.forEach(event -> assertThat(doc).contains("`" + event + "`"));
        assertThat(doc).contains("deploy/github-app-manifest.json", "/webhooks/github", "sluice.github.app-id",
                "sluice.github.private-key", "sluice.github.webhook-secret", "sluice.repositories", "sluice.github.token");
    }

    // --- deploy/Dockerfile ----------------------------------------------------------------------

    @Test
    void imageRunsAsANonRootUserOnAJre21OrNewer() throws IOException {
        List<String> instructions = dockerfileInstructions();
        int lastFrom = -1;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).startsWith("FROM ")) {
                lastFrom = i;
            }
        }
        assertThat(instructions.stream().filter(line -> line.startsWith("FROM ")).count()).as("stages").isGreaterThanOrEqualTo(2);
        Matcher base = Pattern.compile("FROM eclipse-temurin:(\\d+)[.\\w-]*-jre\\S*").matcher(instructions.get(lastFrom));
        assertThat(base.matches()).as(instructions.get(lastFrom)).isTrue();
        assertThat(Integer.parseInt(base.group(1))).isGreaterThanOrEqualTo(21);

        List<String> last = instructions.subList(lastFrom, instructions.size());
        List<String> users = last.stream().filter(line -> line.startsWith("USER ")).toList();
        assertThat(users).hasSize(1);
        String user = users.getFirst().substring("USER ".length()).split(":")[0];
        assertThat(user).isNotIn("root", "0").isEqualTo("10001");
        assertThat(last).anySatisfy(line -> assertThat(line).startsWith("RUN ").contains("--uid 10001").contains("/usr/sbin/nologin"));
        assertThat(last).contains("EXPOSE 8080", "ENTRYPOINT [\"java\", \"-jar\", \"/opt/sluice/sluice.jar\"]", "CMD [\"serve\"]");
        assertThat(last).anySatisfy(line -> assertThat(line).startsWith("COPY --from=build ").endsWith("app/target/sluice.jar /opt/sluice/sluice.jar"));
        assertThat(last).anySatisfy(line -> assertThat(line).startsWith("ENV ").contains("-XX:MaxRAMPercentage=75"));
        assertThat(last).filteredOn(line -> line.startsWith("HEALTHCHECK ")).singleElement().satisfies(line -> assertThat(line)
                .contains("/dev/tcp/127.0.0.1/", "GET /health").doesNotContain("curl", "wget"));
    }

    // --- helpers ------------------------------------------------------------------------------

    private static PropertySource exampleConfiguration() {
        try {
            byte[] bytes = Files.readAllBytes(DEPLOY.resolve("example/application.yml"));
            return PropertySource.of("application.yml", new YamlPropertySourceLoader().read("application.yml", bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The databases the sample target's init script creates. */
    private static Set<String> createdDatabases() {
        try {
            Matcher matcher = Pattern.compile("CREATE DATABASE (\\w+);").matcher(Files.readString(DEPLOY.resolve("example/target-init.sql")));
            Set<String> names = new TreeSet<>();
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys under {@code sluice.} that main code names, as a literal or as a {@code ${…}} placeholder. */
    private static Set<String> keysReadByTheCode() {
        Pattern literal = Pattern.compile("\"(sluice\\.[a-z0-9.-]*[a-z0-9])\"");
        Pattern placeholder = Pattern.compile("\\$\\{(sluice\\.[a-z0-9.-]*[a-z0-9])[:}]");
        Set<String> keys = new TreeSet<>();
        for (String module : List.of("app", "webhooks", "rollout")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    for (Pattern pattern : List.of(literal, placeholder)) {
                        Matcher matcher = pattern.matcher(source);
                        while (matcher.find()) {
                            keys.add(matcher.group(1));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        keys.remove("sluice.yaml"); // a file name, not a key
        return keys;
    }

    /** The properties {@link Targets} reads under {@code sluice.targets.<name>.}. */
    private static Set<String> targetKeysReadByTheCode() {
        try {
            String source = Files.readString(ROOT.resolve("app/src/main/java/dev/sluice/app/webhook/Targets.java"));
            Matcher matcher = Pattern.compile("prefix \\+ \"([a-z-]+)\"").matcher(source);
            Set<String> keys = new TreeSet<>();
            while (matcher.find()) {
                keys.add(matcher.group(1));
            }
            assertThat(keys).contains("url", "databases", "waves");
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ${NAME:default}} placeholders of a YAML file, outside comments: name to default. */
    private static Map<String, String> placeholders(Path file) {
        try {
            String content = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.strip().startsWith("#")).collect(Collectors.joining("\n"));
            Matcher matcher = Pattern.compile("\\$\\{([A-Z0-9_]+):([^}]*)}").matcher(content);
            Map<String, String> found = new LinkedHashMap<>();
            while (matcher.find()) {
                found.put(matcher.group(1), matcher.group(2));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Instructions of the Dockerfile, continuation lines joined, comments and blank lines dropped. */
    private static List<String> dockerfileInstructions() throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(DEPLOY.resolve("Dockerfile"), StandardCharsets.UTF_8)) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || stripped.isEmpty()) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                current.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            current.append(stripped);
            instructions.add(current.toString().replaceAll("\\s+", " "));
            current.setLength(0);
        }
        return instructions;
    }

    private static Map<String, Object> yaml(Path file) {
        try {
            Map<String, Object> document = new Yaml().load(Files.readString(file));
            assertThat(document).as(file.toString()).isNotNull();
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> flatten(String prefix, Map<String, Object> tree) {
        Map<String, Object> flat = new LinkedHashMap<>();
        tree.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flat.putAll(flatten(name, map(nested)));
            } else {
                flat.put(name, value);
            }
        });
        return flat;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return new ArrayList<>((List<?>) value);
    }
}
