package dev.sluice.webhooks.report;

import static dev.sluice.webhooks.report.ReportFixtures.CUT;
import static dev.sluice.webhooks.report.ReportFixtures.NOW;
import static dev.sluice.webhooks.report.ReportFixtures.approval;
import static dev.sluice.webhooks.report.ReportFixtures.assertGolden;
import static dev.sluice.webhooks.report.ReportFixtures.deploy;
import static dev.sluice.webhooks.report.ReportFixtures.group;
import static dev.sluice.webhooks.report.ReportFixtures.release;
import static dev.sluice.webhooks.report.ReportFixtures.rollback;
import static dev.sluice.webhooks.report.ReportFixtures.single;
import static dev.sluice.webhooks.report.ReportFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.rollout.pipeline.DeploymentState;
import dev.sluice.rollout.pipeline.EnvironmentStatus;
import dev.sluice.rollout.pipeline.ReleaseStatus;
import dev.sluice.rollout.pipeline.TargetRun;
import dev.sluice.rollout.pipeline.TargetRunState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReleaseCommentTest {

    @Test
    void aFreshReleaseRunningInDevAndWaitingForApprovals() throws Exception {
        ReleaseStatus status = new ReleaseStatus(release(), List.of(
                status(deploy("dev", 0, DeploymentState.RUNNING, "", Optional.of(CUT.plusSeconds(30)), Optional.empty()),
                        List.of(single("dev", TargetRunState.RUNNING, List.of("2"), "", Optional.empty())), List.of(), 0),
                status(deploy("staging", 1, DeploymentState.WAITING, "needs 1 more approval", Optional.empty(), Optional.empty()),
                        List.of(), List.of(approval("staging", "bob")), 2),
                status(deploy("prod", 2, DeploymentState.WAITING, "waits for staging", Optional.empty(), Optional.empty()),
                        List.of(), List.of(), 2)));

        String comment = ReleaseComment.render(status, NOW);

        assertThat(comment).startsWith(ReleaseComment.MARKER + "\n### Release 20261121.1\n");
        assertThat(ReleaseComment.isFor(comment, "20261121.1")).isTrue();
        assertThat(ReleaseComment.isFor(comment, "20261121.11")).isFalse();
        assertGolden("release-comment-fresh.md", comment);
    }

    @Test
    void aFailedTenantInATwentyDatabaseGroupIsListedFirst() throws Exception {
        List<TargetRun> prod = new ArrayList<>();
        prod.add(single("prod", TargetRunState.SUCCEEDED, List.of("2", "3"), "", Optional.of(Duration.ofSeconds(4))));
        prod.addAll(group("tenants", 1, 20, 1, 1));
        ReleaseStatus status = new ReleaseStatus(release(), List.of(
                status(deploy("dev", 0, DeploymentState.SUCCEEDED, "", Optional.of(CUT.plusSeconds(30)), Optional.of(CUT.plusSeconds(42))),
                        List.of(single("dev", TargetRunState.SUCCEEDED, List.of("2", "3"), "", Optional.of(Duration.ofSeconds(12)))),
                        List.of(), 0),
                status(deploy("prod", 1, DeploymentState.FAILED, "tenants/tenant_07 failed; retry with /sluice retry prod",
                        Optional.of(CUT.plusSeconds(600)), Optional.of(CUT.plusSeconds(640))), prod,
                        List.of(approval("prod", "bob"), approval("prod", "carol")), 2)));

        String comment = ReleaseComment.render(status, NOW);

        assertThat(comment).contains("| tenants | :x: 18 of 20 succeeded, 1 failed, 1 pending |");
        assertThat(comment.indexOf("| tenant_07 | :x: failed")).isLessThan(comment.indexOf("| tenant_01 |"));
        assertGolden("release-comment-failed-tenant.md", comment);
    }

    @Test
    void aCompletedReleaseWithARollback() throws Exception {
        ReleaseStatus status = new ReleaseStatus(release(), List.of(
                status(deploy("dev", 0, DeploymentState.SUCCEEDED, "", Optional.of(CUT.plusSeconds(30)), Optional.of(CUT.plusSeconds(42))),
                        List.of(single("dev", TargetRunState.SUCCEEDED, List.of("2", "3"), "", Optional.of(Duration.ofSeconds(12)))),
                        List.of(), 0),
                status(deploy("prod", 1, DeploymentState.SUCCEEDED, "", Optional.of(CUT.plusSeconds(600)), Optional.of(CUT.plusSeconds(604))),
                        List.of(single("prod", TargetRunState.SUCCEEDED, List.of("2", "3"), "", Optional.of(Duration.ofSeconds(4)))),
                        List.of(approval("prod", "bob")), 1),
                status(rollback("prod", "2", "carol", DeploymentState.SUCCEEDED, CUT.plusSeconds(900), CUT.plusSeconds(902)),
                        List.of(single("prod", TargetRunState.SUCCEEDED, List.of("3"), "", Optional.of(Duration.ofMillis(1500)))),
                        List.of(), 0)));

        String comment = ReleaseComment.render(status, NOW);

        assertThat(comment).contains("rollback to V2 requested by @carol");
        assertGolden("release-comment-rollback.md", comment);
    }

    @Test
    void fiveThousandDatabasesStayUnderGitHubsLimit() {
        List<EnvironmentStatus> environments = new ArrayList<>();
        for (String environment : List.of("dev", "staging", "prod")) {
            environments.add(status(deploy(environment, environments.size(), DeploymentState.FAILED, "x".repeat(2000),
                    Optional.of(CUT), Optional.of(NOW)), group("tenants-" + environment, 0, 5000, 700, 100), List.of(), 0));
        }

        String comment = ReleaseComment.render(new ReleaseStatus(release(), environments), NOW);

        assertThat(comment.length()).isLessThan(65_536);
        assertThat(comment).startsWith(ReleaseComment.MARKER).contains("… and 4934 more.");
        assertThat(comment.split("<details>", -1).length).isEqualTo(comment.split("</details>", -1).length);
    }

    @Test
    void aTableTooLongIsCutWithANoteAndClosedDetails() {
        List<EnvironmentStatus> environments = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            environments.add(status(deploy("env-" + i, i, DeploymentState.FAILED, "y".repeat(250), Optional.of(CUT), Optional.of(NOW)),
                    group("tenants", 0, 30, 4, 0), List.of(), 0));
        }

        String comment = ReleaseComment.render(new ReleaseStatus(release(), environments), NOW);

        assertThat(comment.length()).isLessThanOrEqualTo(ReleaseComment.LIMIT);
        assertThat(comment).endsWith("`sluice/deploy` check runs have the rest.\n");
        assertThat(comment.split("<details>", -1).length).isEqualTo(comment.split("</details>", -1).length);
    }
}
