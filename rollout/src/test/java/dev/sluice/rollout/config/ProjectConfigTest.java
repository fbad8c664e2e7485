package dev.sluice.rollout.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.review.RuleConfig;
import dev.sluice.review.RuleLevel;
import dev.sluice.review.RuleSet;
import dev.sluice.rollout.ErrorCode;
import dev.sluice.rollout.RolloutException;
import dev.sluice.rollout.config.ApprovalPolicy.Approvers;
import dev.sluice.rollout.config.ApprovalPolicy.Auto;
import dev.sluice.rollout.config.ApprovalPolicy.Team;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @Test
    void readsTheGatesOfTheContractExample() {
        ProjectConfig config = ProjectConfig.parse(CONTRACT_EXAMPLE, "sluice.yaml");

        EnvironmentConfig dev = config.environment("dev").orElseThrow();
        assertThat(dev.approval()).isEqualTo(new Auto());
        assertThat(dev.soak()).isEmpty();
        assertThat(dev.window()).isEmpty();

        EnvironmentConfig staging = config.environment("staging").orElseThrow();
        assertThat(staging.approval()).isEqualTo(new Approvers(List.of("@acme/dba", "alice"), 1, false));

        EnvironmentConfig prod = config.environment("prod").orElseThrow();
        Approvers approvers = (Approvers) prod.approval();
        assertThat(approvers.teams()).containsExactly(new Team("acme", "dba"));
        assertThat(approvers.users()).isEmpty();
        assertThat(approvers.required()).isEqualTo(2);
        assertThat(approvers.allowAuthor()).isFalse();
        assertThat(prod.soak()).contains(Duration.ofHours(1));
        assertThat(prod.window()).get().hasToString("Mon-Fri 09:00-16:00 Europe/Berlin");
    }

    @Test
    void gatesDefaultToNone() {
        EnvironmentConfig bare = ProjectConfig.parse("environments: [ {name: dev, targets: dev} ]", "sluice.yaml").environments().getFirst();
        assertThat(bare).isEqualTo(new EnvironmentConfig("dev", List.of("dev"), ReviewSetting.DEFAULT));
        assertThat(bare.approval()).isEqualTo(new Auto());
        assertThat(bare.soak()).isEmpty();
        assertThat(bare.window()).isEmpty();
    }

    @Test
    void readsEveryApprovalKey() {
        ProjectConfig config = ProjectConfig.parse("""
                environments:
                  - name: a
                    approval: { approvers: alice }
                  - name: b
                    approval:
                      approvers: ["@acme/dba", bob]
                      required: 3
                      allow-author: true
                  - name: c
                    approval: auto
                """, "sluice.yaml");
        assertThat(config.environment("a").orElseThrow().approval()).isEqualTo(new Approvers(List.of("alice"), 1, false));
        assertThat(config.environment("b").orElseThrow().approval()).isEqualTo(new Approvers(List.of("@acme/dba", "bob"), 3, true));
        assertThat(config.environment("c").orElseThrow().approval()).isEqualTo(new Auto());
    }

    @ParameterizedTest
    @CsvSource({"90s, PT1M30S", "30m, PT30M", "1h, PT1H", "2d, PT48H", "1h30m, PT1H30M"})
    void readsSoaks(String soak, Duration expected) {
        ProjectConfig config = ProjectConfig.parse("environments: [ {name: prod, soak: " + soak + "} ]", "sluice.yaml");
        assertThat(config.environments().getFirst().soak()).contains(expected);
    }

    @Test
    void readsWindows() {
        ProjectConfig config = ProjectConfig.parse("environments: [ {name: prod, window: '* 22:00-02:00 UTC'} ]", "sluice.yaml");
        assertThat(config.environments().getFirst().window()).contains(DeploymentWindow.parse("* 22:00-02:00 UTC"));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
            "approval: manual => sluice.yaml: environment prod: approval must be auto or { approvers: [...], required: N, allow-author: true|false }, not manual",
            "approval: {} => sluice.yaml: environment prod: approval has no approvers (GitHub logins such as alice, or teams such as @org/team-slug)",
            "approval: { approvers: [] } => sluice.yaml: environment prod: approval: approvers must name at least one person or team",
            "approval: { approvers: ['@acme'] } => sluice.yaml: environment prod: approval: team \"@acme\" should be written @org/team-slug",
            "approval: { approvers: ['@acme/dba'], required: 0 } => sluice.yaml: environment prod: approval: required must be at least 1, not 0 (for no approval write approval: auto)",
            "approval: { approvers: ['@acme/dba'], required: two } => sluice.yaml: environment prod: approval.required must be a whole number, not two",
            "approval: { approvers: [alice, bob], required: 3 } => sluice.yaml: environment prod: approval: required is 3 but only 2 people are listed and no team",
            "approval: { approvers: [alice], allow-author: maybe } => sluice.yaml: environment prod: approval.allow-author must be true or false, not maybe",
            "approval: { approvers: [alice], require: 2 } => sluice.yaml: environment prod: approval: unknown key require (known: approvers, required, allow-author)",
            "approval: { approvers: [[alice]] } => sluice.yaml: environment prod: approval.approvers must be a single value, not [alice]",
            "aproval: auto => sluice.yaml: environment prod: unknown key aproval (known: name, targets, review, approval, soak, window, drift)",
            "drift: sometimes => sluice.yaml: environment prod: drift must be allow or deny, not sometimes",
            "soak: 90 => sluice.yaml: environment prod: soak \"90\": expected a duration such as 90s, 30m, 1h, 1h30m or 2d",
            "soak: 1 hour => sluice.yaml: environment prod: soak \"1 hour\": expected a duration such as 90s, 30m, 1h, 1h30m or 2d",
            "soak: 30m1h => sluice.yaml: environment prod: soak \"30m1h\": write each unit once, largest first (d, h, m, s), e.g. 1h30m",
            "soak: [1h] => sluice.yaml: environment prod: soak must be a single value, not [1h]",
            "window: Mon-Fri 09:00-16:00 => sluice.yaml: environment prod: window \"Mon-Fri 09:00-16:00\": a window is written <days> <HH:MM>-<HH:MM> <zone>, e.g. \"Mon-Fri 09:00-16:00 Europe/Berlin\"",
            "window: Mon-Fri 09:00-16:00 Berlin => sluice.yaml: environment prod: window \"Mon-Fri 09:00-16:00 Berlin\": unknown time zone \"Berlin\" (use a name such as UTC or Europe/Berlin)"})
    void namesTheEnvironmentAndTheKeyOfAMistake(String line, String message) {
        assertThatThrownBy(() -> ProjectConfig.parse("environments:\n  - name: prod\n    " + line + "\n", "sluice.yaml"))
                .isInstanceOfSatisfying(RolloutException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessage(message);
    }
}
