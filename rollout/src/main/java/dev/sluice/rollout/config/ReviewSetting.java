package dev.sluice.rollout.config;

import java.util.Map;
import java.util.Objects;

/**
 * An environment's {@code review:} entry: a rule set name ({@code relaxed}, {@code default},
 * {@code strict}) and per-rule levels ({@code error}, {@code warning}, {@code info}, {@code off}),
 * as written; the review resolves the names.
 */
public record ReviewSetting(String ruleSet, Map<String, String> overrides) {

    public static final ReviewSetting DEFAULT = new ReviewSetting("default", Map.of());

    public ReviewSetting {
        Objects.requireNonNull(ruleSet, "ruleSet");
        overrides = Map.copyOf(overrides);
    }
}
