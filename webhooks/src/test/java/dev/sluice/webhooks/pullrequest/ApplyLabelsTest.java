package dev.sluice.webhooks.pullrequest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.rollout.pipeline.ApprovalSource;
import dev.sluice.testsupport.PostgresTest;
import dev.sluice.testsupport.TestDatabase;
import dev.sluice.webhooks.handle.HandlerResult;
import dev.sluice.webhooks.testing.Harness;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@PostgresTest
class ApplyLabelsTest {

    private Harness harness;
    private ApplyLabels labels;
    private RevCommit head;

    @BeforeEach
    void setUp(TestDatabase database) throws Exception {
        harness = new Harness(database);
        labels = new ApplyLabels(harness.stages, harness.giveApproval, harness.withdrawApproval, harness.holds, harness.authorizer,
                harness.outbox, harness.wake);
        harness.commit("accounts", Map.of("sluice.yaml", Harness.POLICY, "db/migrations/V1__accounts.sql", "CREATE TABLE accounts (id int);\n"));
        harness.checkout("orders", true);
        head = harness.commit("orders", Map.of("db/migrations/V2__orders.sql", "CREATE TABLE orders (id int);\n"));
        harness.publish(7, head);
        harness.permission("alice", "write", "write");
        harness.permission("dave", "write", "maintain");
        harness.dba("dave", "active");
        harness.permission("eve", "read", "read");
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private HandlerResult label(String action, String name, String sender) {
        return labels.handle(Harness.pullRequest(action, 7, head.name(), "carol", sender, false, null, "main",
                "\"label\":{\"name\":\"" + name + "\"}"));
    }

    @Test
    void anApprovalLabelByAnUnauthorisedUserIsRemovedWithAReason() throws Exception {
        label("labeled", "sluice/approve-prod", "eve");

        assertThat(harness.outboxRows()).containsExactly("remove-label #7: sluice/approve-prod",
                "reply #7: @eve has read access to acme/shop; approving prod needs write access and membership of @acme/dba."
                        + " The approval was not recorded. The label `sluice/approve-prod` was removed.");
        assertThat(harness.audit("approval-refused")).hasSize(1);
        assertThat(harness.approvals.standing(Harness.REPO, 7, "prod")).isEmpty();
    }

    @Test
    void anApprovalLabelApprovesAndRemovingItTakesTheLabelsApprovalBack() throws Exception {
        label("labeled", "sluice/approve-prod", "dave");
        assertThat(harness.approvals.standing(Harness.REPO, 7, "prod")).singleElement()
                .satisfies(approval -> assertThat(approval.source()).isEqualTo(ApprovalSource.LABEL));
        assertThat(harness.replies().getLast()).startsWith("@dave approved prod for the migrations at " + head.name().substring(0, 7));

        label("unlabeled", "sluice/approve-prod", "eve");
        assertThat(harness.outboxRows()).contains("add-label #7: sluice/approve-prod");
        assertThat(harness.approvals.standing(Harness.REPO, 7, "prod")).hasSize(1);

        label("unlabeled", "sluice/approve-prod", "dave");
        assertThat(harness.approvals.standing(Harness.REPO, 7, "prod")).isEmpty();
        assertThat(harness.replies().getLast()).startsWith("@dave withdrew their approval of prod");
    }

    @Test
    void anApprovalLabelForAnUnknownEnvironmentIsRemoved() throws Exception {
        label("labeled", "sluice/approve-qa", "dave");
        assertThat(harness.outboxRows()).containsExactly("remove-label #7: sluice/approve-qa",
                "reply #7: @dave there is no environment `qa` in sluice.yaml, so `sluice/approve-qa` approves nothing."
                        + " The label `sluice/approve-qa` was removed.");
    }

    @Test
    void theHoldLabelNeedsWriteAccessBothWays() throws Exception {
        label("labeled", "sluice/hold", "eve");
        assertThat(harness.holds.heldBy(Harness.REPO, 7)).isEmpty();
        assertThat(harness.outboxRows()).containsExactly("remove-label #7: sluice/hold",
                "reply #7: @eve has read access to acme/shop; holding pull request #7 needs write access. The label `sluice/hold` was removed.");

        label("labeled", "sluice/hold", "alice");
        assertThat(harness.holds.heldBy(Harness.REPO, 7)).contains("alice");

        label("unlabeled", "sluice/hold", "eve");
        assertThat(harness.holds.heldBy(Harness.REPO, 7)).contains("alice");
        assertThat(harness.outboxRows()).contains("add-label #7: sluice/hold");

        label("unlabeled", "sluice/hold", "alice");
        assertThat(harness.holds.heldBy(Harness.REPO, 7)).isEmpty();
        assertThat(harness.wakes).hasValue(1);
    }

    @Test
    void otherLabelsAndBotsAreIgnored() throws Exception {
        assertThat(label("labeled", "bug", "eve")).isEqualTo(new HandlerResult.Done("label bug: not Sluice's"));
        assertThat(label("unlabeled", "sluice/hold", "sluice[bot]"))
                .isEqualTo(new HandlerResult.Done("label sluice/hold unlabeled by a bot: ignored"));
        assertThat(harness.outboxRows()).isEmpty();
        assertThat(harness.github.getAllServeEvents()).isEmpty();
    }
}
