package dev.sluice.review;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which rules run and at what severity: a rule set plus per-rule overrides (keys are rule ids,
 * already resolved from any alias).
 */
public record RuleConfig(RuleSet ruleSet, Map<String, RuleLevel> overrides) {

    public RuleConfig {
        Objects.requireNonNull(ruleSet, "ruleSet");
        overrides = Map.copyOf(overrides);
    }

    public static RuleConfig of(RuleSet ruleSet) {
        return new RuleConfig(ruleSet, Map.of());
    }

    /** The severity a rule reports at, or empty when it is off. */
    public Optional<Severity> severityOf(String ruleId, Severity defaultSeverity, RuleSet enabledFrom) {
        RuleLevel override = overrides.get(ruleId);
        if (override != null) {
            return override.severity();
        }
        return ruleSet.includes(enabledFrom) ? Optional.of(defaultSeverity) : Optional.empty();
    }
}
