package dev.sluice.rollout.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.rollout.release.Release;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PipelineApprovalTest {

    static final String GATED = """
            migrations: db/migrations
            environments:
              - name: dev
                targets: [dev]
              - name: staging
                targets: [staging]
                approval: { approvers: ["alice", "bob", "author"], required: 2 }
              - name: prod
                targets: [prod]
                window: "Mon-Sun 00:00-00:01 UTC"
            """;
    static final String V1 = "CREATE TABLE accounts (id bigint PRIMARY KEY);";

    @Test
    void stagingOpensOnlyWithTwoApprovalsOfTheReleasesDigestFromPeopleOtherThanTheAuthor() throws Exception {
        PipelineFixture fixture = new PipelineFixture("approvals", 0);
        Release release = fixture.cut("c1", 7, GATED, "V1__accounts.sql", V1);
        Approvals approvals = new Approvals(fixture.transactions);
        Pipeline pipeline = fixture.pipeline();

        pipeline.advance();
        assertThat(fixture.deploy(release, "staging").reason()).isEqualTo("needs 2 more approvals from alice, bob, author (0 of 2)");

        approvals.give(PipelineFixture.REPOSITORY, 7, "staging", release.digest(), "author", ApprovalSource.COMMENT, Optional.of(release));
        approvals.give(PipelineFixture.REPOSITORY, 7, "staging", "sha256:" + "0".repeat(64), "bob", ApprovalSource.COMMENT, Optional.empty());
        approvals.give(PipelineFixture.REPOSITORY, 7, "staging", release.digest(), "alice", ApprovalSource.LABEL, Optional.of(release));
        assertThat(approvals.give(PipelineFixture.REPOSITORY, 7, "staging", release.digest(), "alice", ApprovalSource.COMMENT,
                Optional.of(release))).isInstanceOf(ApprovalResult.AlreadyGiven.class);
        pipeline.advance();
        assertThat(fixture.deploy(release, "staging").state()).isEqualTo(DeploymentState.WAITING);
        assertThat(fixture.deploy(release, "staging").reason()).isEqualTo("needs 1 more approval from alice, bob, author (1 of 2)");
        assertThat(pipeline.deploy(release, "staging", "alice")).isInstanceOf(CommandOutcome.Refused.class)
                .extracting(CommandOutcome::message).asString().contains("needs 1 more approval");

        approvals.give(PipelineFixture.REPOSITORY, 7, "staging", release.digest(), "bob", ApprovalSource.COMMENT, Optional.of(release));
        pipeline.advance();

        assertThat(fixture.deploy(release, "staging").state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(fixture.deploy(release, "prod").state()).isEqualTo(DeploymentState.WAITING);
        assertThat(fixture.deploy(release, "prod").reason()).startsWith("outside the deployment window Mon-Sun 00:00-00:01 UTC; it opens ");
        assertThat(fixture.audit("approval-given")).hasSize(4);
    }

    @Test
    void aRollbackNeedsTheEnvironmentsApprovalsAndAWithdrawnApprovalNoLongerCounts() throws Exception {
        PipelineFixture fixture = new PipelineFixture("rollback_approvals", 0);
        Release release = fixture.cut("c1", 7, GATED, "V1__accounts.sql", V1, "U1__accounts.sql", "DROP TABLE accounts;");
        Approvals approvals = new Approvals(fixture.transactions);
        Pipeline pipeline = fixture.pipeline();
        approvals.give(PipelineFixture.REPOSITORY, 7, "staging", release.digest(), "alice", ApprovalSource.COMMENT, Optional.of(release));
        approvals.give(PipelineFixture.REPOSITORY, 7, "staging", release.digest(), "bob", ApprovalSource.COMMENT, Optional.of(release));
        pipeline.advance();
        assertThat(fixture.deploy(release, "staging").state()).isEqualTo(DeploymentState.SUCCEEDED);

        assertThat(approvals.withdraw(PipelineFixture.REPOSITORY, 7, "staging", "bob", Optional.of(release))).hasSize(1);
        CommandOutcome refused = pipeline.rollback(release, "staging", Optional.empty(), "alice");
        assertThat(refused).isInstanceOf(CommandOutcome.Refused.class);
        assertThat(refused.message()).contains("needs its approvals").contains("1 of 2");

        approvals.give(PipelineFixture.REPOSITORY, 7, "staging", release.digest(), "bob", ApprovalSource.COMMENT, Optional.of(release));
        assertThat(pipeline.rollback(release, "staging", Optional.of("0"), "alice")).isInstanceOf(CommandOutcome.Accepted.class);
        assertThat(pipeline.rollback(release, "staging", Optional.of("0"), "alice").message()).contains("is running in staging");
        pipeline.advance();
        assertThat(fixture.audit("rollback-succeeded")).containsExactly("staging");
        assertThat(fixture.audit("approval-withdrawn")).hasSize(1);
    }
}
