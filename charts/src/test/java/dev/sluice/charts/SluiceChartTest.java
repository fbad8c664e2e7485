package dev.sluice.charts;

import static dev.sluice.charts.RenderedChart.at;
import static dev.sluice.charts.RenderedChart.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/** charts/sluice: lint, render every value set in ci/, and hold the manifests to what docs/kubernetes.md promises. */
class SluiceChartTest {

    @TempDir
    Path temp;

    static Stream<String> valueSets() throws IOException {
        try (Stream<Path> files = Files.list(Charts.chart().resolve("ci"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yaml"))
                    .map(name -> name.substring(0, name.length() - ".yaml".length())).sorted().toList().stream();
        }
    }

    @Test
    void lintsCleanWithTheDefaultValues() {
        LintResult lint = Charts.lint(false);
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void lintsCleanWhenStrict() {
        LintResult lint = Charts.lint(true);
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @ParameterizedTest
    @MethodSource("valueSets")
    void everyValueSetRendersAHardenedDeployment(String valueSet) {
        RenderedChart chart = Charts.render(valueSet);
        Map<String, Object> pod = at(chart.the("Deployment"), "spec", "template", "spec");

        Map<String, Object> podSecurity = at(pod, "securityContext");
        assertThat(podSecurity).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 10001);
        assertThat(at(podSecurity, "seccompProfile", "type").toString()).isEqualTo("RuntimeDefault");

        Map<String, Object> container = at(pod, "containers", 0);
        Map<String, Object> security = at(container, "securityContext");
        assertThat(security).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 10001)
                .containsEntry("readOnlyRootFilesystem", true).containsEntry("allowPrivilegeEscalation", false);
        assertThat(RenderedChart.<Object>at(security, "capabilities", "drop")).isEqualTo(List.of("ALL"));
        assertThat(at(security, "seccompProfile", "type").toString()).isEqualTo("RuntimeDefault");

        for (String probe : List.of("livenessProbe", "readinessProbe")) {
            assertThat(at(container, probe, "httpGet", "path").toString()).as(probe).isEqualTo("/health");
            assertThat(at(container, probe, "httpGet", "port").toString()).as(probe).isEqualTo("http");
        }
        assertThat(map(container, "ports", 0)).containsEntry("name", "http").containsEntry("containerPort", 8080);
        assertThat(RenderedChart.<Object>at(container, "resources", "requests")).isNotNull();
        assertThat(RenderedChart.<Object>at(container, "resources", "limits")).isNotNull();

        // The only writable places: /tmp and the git mirrors, both emptyDirs.
        List<Map<String, Object>> mounts = at(container, "volumeMounts");
        assertThat(mounts).extracting(mount -> mount.get("mountPath")).containsExactlyInAnyOrder("/etc/sluice", "/tmp", "/var/lib/sluice/git");
        List<Map<String, Object>> volumes = at(pod, "volumes");
        assertThat(volumes).filteredOn(volume -> volume.containsKey("emptyDir")).extracting(volume -> volume.get("name"))
                .containsExactlyInAnyOrder("tmp", "git-mirrors");
        assertThat(env(container)).containsEntry("SLUICE_GIT_MIRRORS", "/var/lib/sluice/git")
                .containsEntry("MICRONAUT_CONFIG_FILES", "/etc/sluice/application.yml");

        assertThat(at(pod, "affinity", "podAntiAffinity", "preferredDuringSchedulingIgnoredDuringExecution", 0, "podAffinityTerm", "topologyKey")
                .toString()).isEqualTo("kubernetes.io/hostname");
        assertThat(at(chart.the("Deployment"), "spec", "template", "metadata", "annotations", "checksum/config").toString()).hasSize(64);

        Map<String, Object> service = chart.the("Service");
        assertThat(at(service, "spec", "type").toString()).isEqualTo("ClusterIP");
        assertThat(map(service, "spec", "ports", 0)).containsEntry("name", "http").containsEntry("port", 80).containsEntry("targetPort", "http");
        assertThat(chart.single("ServiceAccount")).isPresent();
    }

    @ParameterizedTest
    @MethodSource("valueSets")
    void noSecretValueLeavesTheSecret(String valueSet) throws IOException {
        RenderedChart chart = Charts.render(valueSet);
        List<String> secrets = secretValues(valueSet);
        String outside = chart.withoutSecrets();
        for (String secret : secrets) {
            assertThat(outside).as("a secret value of %s outside the Secret", valueSet).doesNotContain(secret);
            for (String line : secret.split("\n")) {
                if (line.length() > 8) {
                    assertThat(outside).doesNotContain(line);
                }
            }
        }
        // The Secret holds them, base64 encoded, and the pods read them as environment variables.
        chart.single("Secret").ifPresent(secret -> {
            @SuppressWarnings("unchecked")
            Map<String, String> data = secret.get("data") == null ? Map.of() : (Map<String, String>) secret.get("data");
            List<String> decoded = data.values().stream().map(value -> new String(Base64.getDecoder().decode(value))).toList();
            assertThat(decoded).containsExactlyInAnyOrderElementsOf(secrets);
        });
        // The ConfigMap's application.yml parses and names the state database and no password.
        Map<String, Object> application = new Yaml().load(at(chart.the("ConfigMap"), "data", "application.yml").toString());
        assertThat(at(application, "datasources", "default", "url").toString()).startsWith("jdbc:postgresql://");
        assertThat(map(application, "datasources", "default")).doesNotContainKey("password");
    }

    @Test
    void theChartsSecretFeedsTheEnvironmentAndTargetPasswordsArePlaceholders() {
        RenderedChart chart = Charts.render("database-group");
        Map<String, Object> container = at(chart.the("Deployment"), "spec", "template", "spec", "containers", 0);
        Map<String, Map<String, Object>> fromSecret = secretRefs(container);
        assertThat(fromSecret).containsOnlyKeys("DATASOURCES_DEFAULT_PASSWORD", "SLUICE_GITHUB_WEBHOOK_SECRET",
                "SLUICE_TARGET_PASSWORD_STAGING", "SLUICE_TARGET_PASSWORD_TENANTS_EU");
        assertThat(fromSecret.get("SLUICE_TARGET_PASSWORD_TENANTS_EU")).containsEntry("name", "sluice").containsEntry("key", "target-tenants-eu-password");
        assertThat(at(chart.the("Deployment"), "spec", "template", "metadata", "annotations", "checksum/secret").toString()).hasSize(64);

        Map<String, Object> application = new Yaml().load(at(chart.the("ConfigMap"), "data", "application.yml").toString());
        Map<String, Object> group = at(application, "sluice", "targets", "tenants-eu");
        assertThat(group).containsEntry("url", "jdbc:postgresql://tenants-db:5432/postgres").containsEntry("databases", "tenant_%")
                .containsEntry("parallel", 8).containsEntry("max-failures", 2).containsEntry("password", "${SLUICE_TARGET_PASSWORD_TENANTS_EU:}");
        assertThat(RenderedChart.<Object>at(group, "waves")).isEqualTo(List.of(1, "10%", "100%"));
        assertThat(RenderedChart.<Object>at(application, "sluice", "repositories")).isEqualTo(List.of("acme/app", "acme/billing"));
    }

    @Test
    void anExistingSecretRendersNoSecretAndIsReadKeyByKey() {
        RenderedChart chart = Charts.render("existing-secret");
        assertThat(chart.ofKind("Secret")).isEmpty();
        Map<String, Object> deployment = chart.the("Deployment");
        Map<String, Map<String, Object>> fromSecret = secretRefs(at(deployment, "spec", "template", "spec", "containers", 0));
        assertThat(fromSecret).containsOnlyKeys("DATASOURCES_DEFAULT_PASSWORD", "SLUICE_GITHUB_PRIVATE_KEY", "SLUICE_GITHUB_WEBHOOK_SECRET",
                "SLUICE_API_TOKEN", "SLUICE_TARGET_PASSWORD_STAGING");
        assertThat(fromSecret.values()).allSatisfy(ref -> assertThat(ref).containsEntry("name", "sluice-credentials").containsEntry("optional", true));
        assertThat(map(deployment, "spec", "template", "metadata", "annotations")).doesNotContainKey("checksum/secret");
        Map<String, Object> application = new Yaml().load(at(chart.the("ConfigMap"), "data", "application.yml").toString());
        assertThat(at(application, "sluice", "github", "app-id").toString()).isEqualTo("123456");
    }

    @Test
    void aBudgetOnlyWithMoreThanOneReplica() {
        assertThat(Charts.render("single-replica").ofKind("PodDisruptionBudget")).isEmpty();
        assertThat(at(Charts.render("single-replica").the("Deployment"), "spec", "replicas").toString()).isEqualTo("1");
        assertThat(at(Charts.render("defaults").the("PodDisruptionBudget"), "spec", "minAvailable").toString()).isEqualTo("1");

        RenderedChart three = Charts.render("monitoring-replicas3");
        assertThat(at(three.the("Deployment"), "spec", "replicas").toString()).isEqualTo("3");
        assertThat(at(three.the("PodDisruptionBudget"), "spec", "minAvailable").toString()).isEqualTo("2");
        assertThat(at(three.the("Deployment"), "spec", "template", "spec", "terminationGracePeriodSeconds").toString()).isEqualTo("120");
        assertThat(at(Charts.render("defaults").the("Deployment"), "spec", "template", "spec", "terminationGracePeriodSeconds").toString())
                .isEqualTo("60");
    }

    @Test
    void aServiceMonitorOnlyWhenEnabled() {
        assertThat(Charts.render("defaults").ofKind("ServiceMonitor")).isEmpty();
        Map<String, Object> monitor = Charts.render("monitoring-replicas3").the("ServiceMonitor");
        assertThat(monitor).containsEntry("apiVersion", "monitoring.coreos.com/v1");
        assertThat(at(monitor, "metadata", "labels", "release").toString()).isEqualTo("prometheus");
        assertThat(map(monitor, "spec", "endpoints", 0)).containsEntry("port", "http").containsEntry("path", "/prometheus")
                .containsEntry("interval", "15s");
    }

    @Test
    void theIngressExposesOnlyTheWebhookAndAskedForApi() {
        assertThat(Charts.render("defaults").ofKind("Ingress")).isEmpty();
        Map<String, Object> ingress = Charts.render("ingress-tls").the("Ingress");
        assertThat(at(ingress, "spec", "ingressClassName").toString()).isEqualTo("nginx");
        assertThat(map(ingress, "spec", "tls", 0)).containsEntry("secretName", "sluice-tls").containsEntry("hosts", List.of("sluice.example.com"));
        List<Map<String, Object>> paths = at(ingress, "spec", "rules", 0, "http", "paths");
        assertThat(paths).extracting(path -> path.get("path")).containsExactly("/webhooks/github", "/api");
    }

    @Test
    void theSchemaRejectsAWrongType() throws IOException {
        assertThatThrownBy(() -> Charts.template(values("replicaCount: two\n")))
                .hasMessageContaining("values don't meet the specifications of the schema").hasMessageContaining("replicaCount");
    }

    @Test
    void theSchemaRejectsAnUnknownKey() throws IOException {
        assertThatThrownBy(() -> Charts.template(values("replicas: 2\n")))
                .hasMessageContaining("values don't meet the specifications of the schema").hasMessageContaining("replicas");
    }

    @Test
    void theSchemaRejectsATargetWithoutUrl() throws IOException {
        assertThatThrownBy(() -> Charts.template(values("targets:\n  staging:\n    username: sluice\n")))
                .hasMessageContaining("url");
    }

    @Test
    void aPasswordForNoTargetIsRefused() throws IOException {
        assertThatThrownBy(() -> Charts.template(values("secrets:\n  targetPasswords:\n    prod: x\n")))
                .hasMessageContaining("secrets.targetPasswords.prod names no target in targets");
    }

    private Path values(String yaml) throws IOException {
        Path file = temp.resolve("values.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** Every string under {@code secrets} in a value set. */
    private static List<String> secretValues(String valueSet) throws IOException {
        Map<String, Object> values = new Yaml().load(Files.readString(Charts.valueSet(valueSet)));
        List<String> found = new ArrayList<>();
        if (values != null && values.get("secrets") instanceof Map<?, ?> secrets) {
            collect(secrets, found);
        }
        return found;
    }

    private static void collect(Object node, List<String> found) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> collect(value, found));
        } else if (node instanceof String text && !text.isEmpty()) {
            found.add(text);
        }
    }

    private static Map<String, String> env(Map<String, Object> container) {
        List<Map<String, Object>> env = at(container, "env");
        Map<String, String> values = new java.util.LinkedHashMap<>();
        env.stream().filter(entry -> entry.containsKey("value")).forEach(entry -> values.put(entry.get("name").toString(), entry.get("value").toString()));
        return values;
    }

    private static Map<String, Map<String, Object>> secretRefs(Map<String, Object> container) {
        List<Map<String, Object>> env = at(container, "env");
        Map<String, Map<String, Object>> refs = new java.util.LinkedHashMap<>();
        env.stream().filter(entry -> entry.containsKey("valueFrom"))
                .forEach(entry -> refs.put(entry.get("name").toString(), at(entry, "valueFrom", "secretKeyRef")));
        return refs;
    }
}
