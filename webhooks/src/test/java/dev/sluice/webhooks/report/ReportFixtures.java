package dev.sluice.webhooks.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.rollout.pipeline.Approval;
import dev.sluice.rollout.pipeline.ApprovalSource;
import dev.sluice.rollout.pipeline.Deployment;
import dev.sluice.rollout.pipeline.DeploymentKind;
import dev.sluice.rollout.pipeline.DeploymentState;
import dev.sluice.rollout.pipeline.EnvironmentStatus;
import dev.sluice.rollout.pipeline.TargetRun;
import dev.sluice.rollout.pipeline.TargetRunState;
import dev.sluice.rollout.release.Release;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Releases, deployments and databases as the controller's stores hand them to the renderers. */
final class ReportFixtures {

    static final Instant CUT = Instant.parse("2026-11-21T09:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-21T09:30:00Z");
    static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    static final String DIGEST = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private ReportFixtures() {
    }

    static Release release() {
        return new Release(1, "acme/shop", "20261121.1", SHA, DIGEST, Optional.of(7), Optional.of("alice"), 42, "environments: []",
                CUT, List.of());
    }

    static Deployment deploy(String environment, int position, DeploymentState state, String reason, Optional<Instant> started,
            Optional<Instant> finished) {
        return new Deployment(position + 1, 1, environment, position, DeploymentKind.DEPLOY, Optional.empty(), state, reason, "", CUT,
                started, finished, 1);
    }

    static Deployment rollback(String environment, String toVersion, String by, DeploymentState state, Instant started,
            Instant finished) {
        return new Deployment(90, 1, environment, 2, DeploymentKind.ROLLBACK, Optional.of(toVersion), state, "", by, started,
                Optional.of(started), Optional.of(finished), 1);
    }

    static TargetRun single(String target, TargetRunState state, List<String> versions, String detail, Optional<Duration> duration) {
        return new TargetRun(target, "", 0, state, versions, detail, state == TargetRunState.PENDING ? 0 : 1, duration);
    }

    /** A database group of {@code size} tenants: the first {@code failed} fail, the last {@code pending} have not started. */
    static List<TargetRun> group(String target, int firstOrdinal, int size, int failed, int pending) {
        List<TargetRun> runs = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            String database = "tenant_%02d".formatted(i);
            TargetRunState state = i > size - pending ? TargetRunState.PENDING
                    : i % 7 == 0 && failed > (i / 7 - 1) ? TargetRunState.FAILED : TargetRunState.SUCCEEDED;
            runs.add(new TargetRun(target, database, firstOrdinal + i, state,
                    state == TargetRunState.PENDING ? List.of() : state == TargetRunState.FAILED ? List.of() : List.of("2", "3"),
                    state == TargetRunState.FAILED ? "V3 failed: ERROR: column \"plan\" of relation \"accounts\" already exists (42701)" : "",
                    state == TargetRunState.PENDING ? 0 : 1,
                    state == TargetRunState.PENDING ? Optional.empty() : Optional.of(Duration.ofMillis(800 + 150L * i))));
        }
        return runs;
    }

    static Approval approval(String environment, String actor) {
        return new Approval(actor.length(), "acme/shop", 7, environment, DIGEST, actor, ApprovalSource.COMMENT, CUT.plusSeconds(60));
    }

    static EnvironmentStatus status(Deployment deployment, List<TargetRun> targets, List<Approval> approvals, int required) {
        return new EnvironmentStatus(deployment, targets, approvals, required);
    }

    /** Compares with the golden file, writing it on the first run only (then review it and commit it). */
    static void assertGolden(String name, String actual) throws IOException {
        Path golden = Path.of("src/test/resources/golden/" + name);
        if (!Files.exists(golden)) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(golden));
    }
}
