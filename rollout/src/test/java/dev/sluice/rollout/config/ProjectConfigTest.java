package dev.sluice.rollout.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.review.RuleConfig;
import dev.sluice.review.RuleLevel;
import dev.sluice.review.RuleSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectConfigTest {

    /** The example of CONTRACT §5, verbatim. */
    static final String CONTRACT_EXAMPLE = """
            migrations: db/migrations
            environments:               # promotion order is the list order
              - name: dev
                targets: [dev]          # names of targets defined in the controller's configuration
                approval: auto
                review: relaxed         # rule set: relaxed | default | strict, or a map of rule-id: error|warning|off
              - name: staging
                targets: [staging]
                approval: { approvers: ["@acme/dba", "alice"], required: 1 }
              - name: prod
                targets: [prod, tenants]   # a target may be a database group
                approval: { approvers: ["@acme/dba"], required: 2, allow-author: false }
                soak: 1h                   # minimum time the release must have spent in the previous environment
                window: "Mon-Fri 09:00-16:00 Europe/Berlin"
                review: strict
            rules: { require-concurrent-index: error, prefer-text: off }
            """;

    @Test
    void readsTheContractExample() {
        ProjectConfig config = ProjectConfig.parse(CONTRACT_EXAMPLE, "sluice.yaml");

        assertThat(config.migrations()).isEqualTo("db/migrations");
        assertThat(config.environments()).extracting(EnvironmentConfig::name).containsExactly("dev", "staging", "prod");
        assertThat(config.environment("prod")).get().extracting(EnvironmentConfig::targets).asList().containsExactly("prod", "tenants");
        assertThat(config.rules()).containsEntry("prefer-text", "off").containsEntry("require-concurrent-index", "error");

        RuleConfig prod = ReviewRules.forEnvironment(config, Optional.of("prod"), "sluice.yaml");
        assertThat(prod.ruleSet()).isEqualTo(RuleSet.STRICT);
        assertThat(prod.overrides()).containsEntry("index-not-concurrent", RuleLevel.ERROR).containsEntry("prefer-text", RuleLevel.OFF);
        assertThat(ReviewRules.forEnvironment(config, Optional.of("dev"), "sluice.yaml").ruleSet()).isEqualTo(RuleSet.RELAXED);
        assertThat(ReviewRules.forEnvironment(config, Optional.of("staging"), "sluice.yaml").ruleSet()).isEqualTo(RuleSet.DEFAULT);
    }

    @Test
    void anEnvironmentMapOverridesTheProjectRules() {
        ProjectConfig config = ProjectConfig.parse("""
                environments:
                  - name: dev
                    review: { rule-set: relaxed, drop-table: warning }
                rules: { drop-table: error }
                """, "sluice.yaml");
        RuleConfig dev = ReviewRules.forEnvironment(config, Optional.of("dev"), "sluice.yaml");
        assertThat(dev.ruleSet()).isEqualTo(RuleSet.RELAXED);
        assertThat(dev.overrides()).containsEntry("drop-table", RuleLevel.WARNING);
    }

    @Test
    void mistakesAreNamedPlainly() {
        assertThatThrownBy(() -> ProjectConfig.parse("environments: [ {name: a}, {name: a} ]", "sluice.yaml"))
                .hasMessage("sluice.yaml: environment a is listed twice");
        assertThatThrownBy(() -> ProjectConfig.parse("environments: {dev: {}}", "sluice.yaml"))
                .hasMessage("sluice.yaml: environments must be a list");
        assertThatThrownBy(() -> ProjectConfig.parse("rules: [", "sluice.yaml")).hasMessageStartingWith("sluice.yaml: is not valid YAML");
        ProjectConfig badLevel = ProjectConfig.parse("rules: { drop-table: loud }", "sluice.yaml");
        assertThatThrownBy(() -> ReviewRules.forEnvironment(badLevel, Optional.empty(), "sluice.yaml"))
                .hasMessage("sluice.yaml: rule drop-table: level 'loud' should be error, warning, info or off");
        assertThatThrownBy(() -> ReviewRules.forEnvironment(ProjectConfig.defaults(), Optional.of("qa"), "sluice.yaml"))
                .hasMessage("sluice.yaml: no environment named qa");
        assertThat(ProjectConfig.parse("", "sluice.yaml")).isEqualTo(ProjectConfig.defaults());
        assertThat(ProjectConfig.parse("out-of-order: allow", "sluice.yaml").allowOutOfOrder()).isTrue();
        assertThatThrownBy(() -> ProjectConfig.parse("out-of-order: sometimes", "sluice.yaml"))
                .hasMessage("sluice.yaml: out-of-order must be allow or deny, not sometimes");
    }
}
