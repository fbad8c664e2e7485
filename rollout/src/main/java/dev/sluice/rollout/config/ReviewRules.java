package dev.sluice.rollout.config;

import dev.sluice.review.RuleConfig;
import dev.sluice.review.RuleConfigs;
import dev.sluice.rollout.ErrorCode;
import dev.sluice.rollout.RolloutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The review rules for an environment: its rule set, the project-wide {@code rules:} overrides, and
 * the environment's own overrides on top.
 */
public final class ReviewRules {

    private ReviewRules() {
    }

    /** Rules for the named environment, or the project defaults when no environment is named. */
    public static RuleConfig forEnvironment(ProjectConfig project, Optional<String> environmentName, String source) {
        ReviewSetting setting = ReviewSetting.DEFAULT;
        if (environmentName.isPresent()) {
            EnvironmentConfig environment = project.environment(environmentName.get()).orElseThrow(() -> new RolloutException(
                    ErrorCode.INVALID_INPUT, source + ": no environment named " + environmentName.get()
                            + (project.environments().isEmpty() ? "" : " (known: " + String.join(", ",
                                    project.environments().stream().map(EnvironmentConfig::name).toList()) + ")")));
            setting = environment.review();
        }
        Map<String, String> overrides = new LinkedHashMap<>(project.rules());
        overrides.putAll(setting.overrides());
        try {
            return RuleConfigs.parse(setting.ruleSet(), overrides);
        } catch (IllegalArgumentException e) {
            throw new RolloutException(ErrorCode.INVALID_INPUT, source + ": " + e.getMessage(), e);
        }
    }
}
