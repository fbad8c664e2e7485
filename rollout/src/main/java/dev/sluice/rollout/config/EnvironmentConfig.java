package dev.sluice.rollout.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One environment of {@code sluice.yaml}, in promotion order. */
public record EnvironmentConfig(String name, List<String> targets, ReviewSetting review, ApprovalPolicy approval,
        Optional<Duration> soak, Optional<DeploymentWindow> window) {

    public EnvironmentConfig {
        Objects.requireNonNull(name, "name");
        targets = List.copyOf(targets);
        Objects.requireNonNull(review, "review");
    }

    public EnvironmentConfig(String name, List<String> targets, ReviewSetting review) {
        this(name, targets, review, new ApprovalPolicy.Auto(), Optional.empty(), Optional.empty());
    }
}
