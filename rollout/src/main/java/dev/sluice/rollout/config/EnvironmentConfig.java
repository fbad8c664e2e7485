package dev.sluice.rollout.config;

import java.util.List;
import java.util.Objects;

/** One environment of {@code sluice.yaml}, in promotion order. */
public record EnvironmentConfig(String name, List<String> targets, ReviewSetting review) {

    public EnvironmentConfig {
        Objects.requireNonNull(name, "name");
        targets = List.copyOf(targets);
        Objects.requireNonNull(review, "review");
    }
}
