package dev.sluice.rollout.pipeline;

import dev.sluice.rollout.release.Release;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A release and every deployment of it (deploys in promotion order, then rollbacks in the order asked). */
public record ReleaseStatus(Release release, List<EnvironmentStatus> environments) {

    public ReleaseStatus {
        Objects.requireNonNull(release, "release");
        environments = List.copyOf(environments);
    }

    /** The deploy of the release to the environment. */
    public Optional<EnvironmentStatus> deploy(String environment) {
        return environments.stream().filter(status -> status.deployment().kind() == DeploymentKind.DEPLOY
                && status.deployment().environment().equals(environment)).findFirst();
    }
}
