package dev.sluice.rollout.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * A deployment as reports show it: its databases, and the standing approvals that count for it
 * (of the release's digest), against how many the environment requires (0 when automatic).
 */
public record EnvironmentStatus(Deployment deployment, List<TargetRun> targets, List<Approval> approvals, int required) {

    public EnvironmentStatus {
        Objects.requireNonNull(deployment, "deployment");
        targets = List.copyOf(targets);
        approvals = List.copyOf(approvals);
    }
}
