package dev.sluice.app.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.rollout.config.TargetConfig;
import dev.sluice.rollout.engine.FleetRunner;
import dev.sluice.rollout.engine.Waves;
import io.micronaut.context.env.DefaultEnvironment;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The targets as Micronaut hands them over: from YAML, and from flat properties as environment variables give. */
class TargetsTest {

    static Targets fromYaml(String yaml) {
        Map<String, Object> properties = new YamlPropertySourceLoader().read("test.yml", yaml.getBytes(StandardCharsets.UTF_8));
        return targets(PropertySource.of("test.yml", properties));
    }

    static Targets targets(PropertySource... sources) {
        Environment environment = new DefaultEnvironment(() -> List.of(Environment.TEST));
        for (PropertySource source : sources) {
            environment.addPropertySource(source);
        }
        environment.start();
        try {
            return new Targets(environment);
        } finally {
            environment.stop();
        }
    }

    @Test
    void readsFleetSettingsFromYaml() {
        Targets targets = fromYaml("""
                sluice:
                  targets:
                    tenants:
                      url: jdbc:postgresql://db:5432/postgres
                      username: sluice
                      password: hunter2
                      databases: tenant_%
                      parallel: 8
                      waves: [1, 10%, 100%]
                      max-failures: 2
                    prod:
                      url: jdbc:postgresql://prod:5432/shop
                """);

        TargetConfig tenants = targets.all().get("tenants");
        assertThat(tenants.fleet()).isEqualTo(new FleetRunner.Settings(8, new Waves(List.of("1", "10%", "100%")), 2));
        assertThat(tenants.databases()).contains("tenant_%");
        assertThat(tenants.password()).contains("hunter2");
        assertThat(tenants.toString()).doesNotContain("hunter2");
        assertThat(targets.all().get("prod").fleet()).isEqualTo(TargetConfig.DEFAULT_FLEET);
        assertThat(targets.all().get("prod").username()).isEqualTo(Optional.empty());
    }

    @Test
    void readsWavesWrittenAsText() {
        Targets targets = targets(PropertySource.of("env", Map.of("sluice.targets.tenants.url", "jdbc:postgresql://db/postgres",
                "sluice.targets.tenants.waves", "1,10%,100%", "sluice.targets.tenants.parallel", "2",
                "sluice.targets.tenants.max-failures", "0")));
        assertThat(targets.all().get("tenants").fleet()).isEqualTo(new FleetRunner.Settings(2, new Waves(List.of("1", "10%", "100%")), 0));
    }

    @Test
    void aValueThatCannotBeReadNamesItsKey() {
        assertThatThrownBy(() -> fromYaml(target("parallel: four")))
                .hasMessage("sluice.targets.tenants.parallel must be a whole number of at least 1, not four");
        assertThatThrownBy(() -> fromYaml(target("parallel: 0")))
                .hasMessage("sluice.targets.tenants.parallel must be a whole number of at least 1, not 0");
        assertThatThrownBy(() -> fromYaml(target("max-failures: -1")))
                .hasMessage("sluice.targets.tenants.max-failures must be a whole number of at least 0, not -1");
        assertThatThrownBy(() -> fromYaml(target("waves: [1, ten%]")))
                .hasMessage("sluice.targets.tenants.waves: a wave size is a count (10) or a percentage (10%): ten% "
                        + "(write waves as a list such as [1, 10%, 100%])");
        assertThatThrownBy(() -> fromYaml(target("waves: [0]")))
                .hasMessage("sluice.targets.tenants.waves: a wave has at least one database: 0 (write waves as a list such as [1, 10%, 100%])");
        assertThatThrownBy(() -> fromYaml("sluice: { targets: { tenants: { parallel: 2 } } }"))
                .hasMessage("target tenants has no url (sluice.targets.tenants.url)");
    }

    @Test
    void aPasswordFromAnEnvironmentVariableReachesATargetWithADashInItsName() {
        Targets targets = targets(PropertySource.of("env", Map.of(
                "SLUICE_TARGETS_TENANTS_EU_URL", "jdbc:postgresql://db/postgres",
                "SLUICE_TARGETS_TENANTS_EU_PASSWORD", "hunter2",
                "SLUICE_TARGETS_PROD_URL", "jdbc:postgresql://prod/shop"), PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE));

        assertThat(targets.all()).containsOnlyKeys("tenants-eu", "prod");
        assertThat(targets.all().get("tenants-eu").password()).contains("hunter2");
    }

    @Test
    void aPasswordFromTheEnvironmentJoinsATargetDefinedInYaml() {
        Map<String, Object> yaml = new YamlPropertySourceLoader().read("application.yml", """
                sluice:
                  targets:
                    tenants-eu-west:
                      url: jdbc:postgresql://db/postgres
                      databases: tenant_%
                    tenants:
                      url: jdbc:postgresql://other/postgres
                """.getBytes(StandardCharsets.UTF_8));
        Targets targets = targets(PropertySource.of("application.yml", yaml), PropertySource.of("env",
                Map.of("SLUICE_TARGETS_TENANTS_EU_WEST_PASSWORD", "hunter2"), PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE));

        assertThat(targets.all()).containsOnlyKeys("tenants-eu-west", "tenants");
        assertThat(targets.all().get("tenants-eu-west").password()).contains("hunter2");
        assertThat(targets.all().get("tenants").password()).isEmpty();
    }

    @Test
    void aDashedNameWithoutAUrlIsStillNamed() {
        assertThatThrownBy(() -> targets(PropertySource.of("env", Map.of("SLUICE_TARGETS_TENANTS_EU_PASSWORD", "hunter2"),
                PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE)))
                .hasMessageStartingWith("target tenants");
    }

    private static String target(String line) {
        return "sluice:\n  targets:\n    tenants:\n      url: jdbc:postgresql://db/postgres\n      " + line + "\n";
    }
}
