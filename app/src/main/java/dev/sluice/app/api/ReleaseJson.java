package dev.sluice.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sluice.rollout.pipeline.Approval;
import dev.sluice.rollout.pipeline.EnvironmentStatus;
import dev.sluice.rollout.pipeline.TargetRun;
import dev.sluice.rollout.release.Release;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code /api/releases} answers. Absent values are written as null rather than left out, so
 * every field the OpenAPI document names is always there; times are ISO-8601 text in UTC.
 */
final class ReleaseJson {

    private ReleaseJson() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ReleaseList(List<Summary> releases, @Nullable String next) {
    }

    /** A release with the state of its deploy to each environment. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Summary(long id, String repository, String version, String commit, String digest, @Nullable Integer pullRequest,
            @Nullable String author, String createdAt, int files, List<EnvironmentState> environments) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EnvironmentState(String environment, String state, String reason, List<String> approvals, int required) {

        static EnvironmentState of(EnvironmentStatus status) {
            return new EnvironmentState(status.deployment().environment(), status.deployment().state().word(), status.deployment().reason(),
                    status.approvals().stream().map(Approval::actor).distinct().toList(), status.required());
        }
    }

    /** A release in full: its files (names and checksums, not the SQL) and every deployment of it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Detail(long id, String repository, String version, String commit, String digest, @Nullable Integer pullRequest,
            @Nullable String author, String createdAt, List<File> files, List<DeploymentRun> deployments) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record File(String name, String checksum) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DeploymentRun(String environment, String kind, @Nullable String toVersion, String state, String reason, String requestedBy,
            int attempt, String createdAt, @Nullable String startedAt, @Nullable String finishedAt, int required,
            List<GivenApproval> approvals, List<Target> targets) {

        static DeploymentRun of(EnvironmentStatus status) {
            var deployment = status.deployment();
            return new DeploymentRun(deployment.environment(), deployment.kind().word(), deployment.toVersion().orElse(null),
                    deployment.state().word(), deployment.reason(), deployment.requestedBy(), deployment.attempt(),
                    text(deployment.createdAt()), text(deployment.startedAt()), text(deployment.finishedAt()), status.required(),
                    status.approvals().stream().map(GivenApproval::of).toList(), status.targets().stream().map(Target::of).toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record GivenApproval(String actor, String source, String givenAt) {

        static GivenApproval of(Approval approval) {
            return new GivenApproval(approval.actor(), approval.source().word(), text(approval.givenAt()));
        }
    }

    /** One database of a deployment; durationMs once it has both started and finished. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Target(String target, String database, String state, List<String> versions, String detail, int attempts,
            @Nullable Long durationMs) {

        static Target of(TargetRun run) {
            return new Target(run.target(), run.database(), run.state().word(), run.versions(), run.detail(), run.attempts(),
                    run.duration().map(Duration::toMillis).orElse(null));
        }
    }

    static Summary summary(Release release, int files, List<EnvironmentStatus> deploys) {
        return new Summary(release.id(), release.repository(), release.version(), release.commitSha(), release.digest(),
                release.pullRequest().orElse(null), release.author().orElse(null), text(release.createdAt()), files,
                deploys.stream().map(EnvironmentState::of).toList());
    }

    static Detail detail(Release release, List<EnvironmentStatus> deployments) {
        return new Detail(release.id(), release.repository(), release.version(), release.commitSha(), release.digest(),
                release.pullRequest().orElse(null), release.author().orElse(null), text(release.createdAt()),
                release.files().stream().map(file -> new File(file.name(), file.checksum().value())).toList(),
                deployments.stream().map(DeploymentRun::of).toList());
    }

    static String text(Instant instant) {
        return instant.toString();
    }

    static @Nullable String text(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
