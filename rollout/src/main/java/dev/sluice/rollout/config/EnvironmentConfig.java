package dev.sluice.rollout.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One environment of {@code sluice.yaml}, in promotion order, with the gates a release passes to
 * enter it.
 *
 * @param approval who must approve
 * @param soak     the least time the release must have spent in the previous environment
 * @param window   when deployments to this environment may start
 * @param allowDrift deploy even when a target's schema drifted from the recorded one ({@code drift: allow});
 *                 by default drift stops the deploy to that target
 */
public record EnvironmentConfig(String name, List<String> targets, ReviewSetting review, ApprovalPolicy approval,
        Optional<Duration> soak, Optional<DeploymentWindow> window, boolean allowDrift) {

    public EnvironmentConfig {
        Objects.requireNonNull(name, "name");
        targets = List.copyOf(targets);
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(soak, "soak");
        Objects.requireNonNull(window, "window");
        if (soak.isPresent() && soak.get().isNegative()) {
            throw new IllegalArgumentException("soak must not be negative: " + soak.get());
        }
    }

    public EnvironmentConfig(String name, List<String> targets, ReviewSetting review, ApprovalPolicy approval,
            Optional<Duration> soak, Optional<DeploymentWindow> window) {
        this(name, targets, review, approval, soak, window, false);
    }

    /** An environment without gates: approval auto, no soak, no window. */
    public EnvironmentConfig(String name, List<String> targets, ReviewSetting review) {
        this(name, targets, review, new ApprovalPolicy.Auto(), Optional.empty(), Optional.empty());
    }
}
