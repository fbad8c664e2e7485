package dev.sluice.review;

import dev.sluice.review.rules.Rule;
import dev.sluice.review.rules.RuleCatalog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Builds a {@link RuleConfig} from names as people write them in sluice.yaml, with errors that say what is wrong. */
public final class RuleConfigs {

    private RuleConfigs() {
    }

    /**
     * @param ruleSet   {@code relaxed}, {@code default} or {@code strict}
     * @param overrides rule id (or another tool's name for it) to {@code error}, {@code warning}, {@code info} or {@code off}
     * @throws IllegalArgumentException naming the unknown rule set, rule or level
     */
    public static RuleConfig parse(String ruleSet, Map<String, String> overrides) {
        RuleSet set;
        try {
            set = RuleSet.parse(ruleSet);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown rule set '" + ruleSet + "' (use relaxed, default or strict)");
        }
        Map<String, RuleLevel> levels = new LinkedHashMap<>();
        overrides.forEach((name, level) -> {
            Rule rule = RuleCatalog.resolve(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown rule '" + name + "' (see docs/review.md for the rule ids)"));
            Optional<RuleLevel> parsed = RuleLevel.parse(level);
            levels.put(rule.id(), parsed.orElseThrow(() -> new IllegalArgumentException(
                    "rule " + name + ": level '" + level + "' should be error, warning, info or off")));
        });
        return new RuleConfig(set, levels);
    }
}
