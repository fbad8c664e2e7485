package dev.sluice.webhooks.report;

import static dev.sluice.webhooks.report.ReportFixtures.CUT;
import static dev.sluice.webhooks.report.ReportFixtures.NOW;
import static dev.sluice.webhooks.report.ReportFixtures.approval;
import static dev.sluice.webhooks.report.ReportFixtures.assertGolden;
import static dev.sluice.webhooks.report.ReportFixtures.deploy;
import static dev.sluice.webhooks.report.ReportFixtures.group;
import static dev.sluice.webhooks.report.ReportFixtures.release;
import static dev.sluice.webhooks.report.ReportFixtures.single;
import static dev.sluice.webhooks.report.ReportFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.rollout.pipeline.DeploymentState;
import dev.sluice.rollout.pipeline.TargetRun;
import dev.sluice.rollout.pipeline.TargetRunState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeployCheckTest {

    @Test
    void aWaitingDeployIsQueuedAndSaysWhy() {
        DeployCheck check = DeployCheck.of(release(), status(deploy("staging", 1, DeploymentState.WAITING, "needs 1 more approval",
                Optional.empty(), Optional.empty()), List.of(), List.of(approval("staging", "bob")), 2), NOW);

        assertThat(check.name()).isEqualTo("sluice/deploy: staging");
        assertThat(check.externalId()).isEqualTo("deploy:20261121.1:staging");
        assertThat(check.phase()).isEqualTo(DeployCheck.Phase.QUEUED);
        assertThat(check.title()).isEqualTo("Waiting: needs 1 more approval");
        assertThat(check.description()).isEqualTo("Waiting: needs 1 more approval");
        assertThat(check.summary()).isEqualTo("""
                **Release 20261121.1** (commit `0123456`, digest `9f86d081884c`) in **staging**: :hourglass: waiting — needs 1 more approval.

                Approved by: @bob (1 of 2).

                """);
    }

    @Test
    void aRunningDeployCountsItsDatabases() {
        List<TargetRun> targets = new ArrayList<>(group("tenants", 0, 20, 0, 5));
        DeployCheck check = DeployCheck.of(release(), status(deploy("prod", 2, DeploymentState.RUNNING, "",
                Optional.of(CUT), Optional.empty()), targets, List.of(), 0), NOW);

        assertThat(check.phase()).isEqualTo(DeployCheck.Phase.IN_PROGRESS);
        assertThat(check.title()).isEqualTo("Running: 15 of 20 databases done");
        assertThat(check.summary()).contains("Duration: 30m 00s.")
                .contains("| tenants | :arrows_counterclockwise: 15 of 20 succeeded, 5 pending |");
    }

    @Test
    void aFailedDeployListsTheFailedTenantFirst() throws Exception {
        List<TargetRun> targets = new ArrayList<>();
        targets.add(single("prod", TargetRunState.SUCCEEDED, List.of("2", "3"), "", Optional.of(Duration.ofSeconds(4))));
        targets.addAll(group("tenants", 1, 20, 1, 1));
        DeployCheck check = DeployCheck.of(release(), status(deploy("prod", 2, DeploymentState.FAILED,
                "tenants/tenant_07 failed; retry with /sluice retry prod", Optional.of(CUT), Optional.of(CUT.plusSeconds(40))), targets,
                List.of(approval("prod", "bob"), approval("prod", "carol")), 2), NOW);

        assertThat(check.phase()).isEqualTo(DeployCheck.Phase.FAILED);
        assertThat(check.title()).isEqualTo("Failed on 1 of 21 databases: tenants/tenant_07 failed; retry with /sluice retry prod");
        assertGolden("deploy-check-failed.md", check.summary());
    }

    @Test
    void aSucceededDeploy() {
        DeployCheck check = DeployCheck.of(release(), status(deploy("dev", 0, DeploymentState.SUCCEEDED, "", Optional.of(CUT),
                Optional.of(CUT.plusSeconds(12))), List.of(single("dev", TargetRunState.SUCCEEDED, List.of("2"), "",
                Optional.of(Duration.ofSeconds(12)))), List.of(), 0), NOW);

        assertThat(check.phase()).isEqualTo(DeployCheck.Phase.SUCCEEDED);
        assertThat(check.title()).isEqualTo("Deployed to 1 database");
    }

    @Test
    void longTextsFitGitHubsLimits() {
        DeployCheck check = DeployCheck.of(release(), status(deploy("prod", 2, DeploymentState.FAILED, "z".repeat(500), Optional.of(CUT),
                Optional.of(NOW)), group("tenants", 0, 5000, 700, 0), List.of(), 0), NOW);

        assertThat(check.description()).hasSize(140).endsWith("…");
        assertThat(check.summary().length()).isLessThanOrEqualTo(65_535);
        assertThat(check.summary()).contains("… and 4800 more.");
    }
}
