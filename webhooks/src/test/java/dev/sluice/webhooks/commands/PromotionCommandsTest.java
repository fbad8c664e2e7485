package dev.sluice.webhooks.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.rollout.controller.Outbox;
import dev.sluice.rollout.pipeline.Deployments;
import dev.sluice.rollout.release.Release;
import dev.sluice.testsupport.PostgresTest;
import dev.sluice.testsupport.TestDatabase;
import dev.sluice.webhooks.handle.HandlerResult;
import dev.sluice.webhooks.pullrequest.CutReleaseOnMerge;
import dev.sluice.webhooks.pullrequest.VoidApprovalsOnPush;
import dev.sluice.webhooks.testing.Harness;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Comment commands end to end below HTTP: an issue_comment event through {@link AnswerComments},
 * real stores in PostgreSQL, a real repository, GitHub's permission and team answers from
 * WireMock, and a recording pipeline. Replies are read from the outbox.
 */
@PostgresTest
class PromotionCommandsTest {

    private Harness harness;
    private RecordingPipeline pipeline;
    private AnswerComments comments;
    private RevCommit head;

    @BeforeEach
    void setUp(TestDatabase database) throws Exception {
        harness = new Harness(database);
        pipeline = new RecordingPipeline();
        var stages = harness.stages;
        var authorizer = harness.authorizer;
        comments = new AnswerComments(harness.outbox, List.of(
                new PlanPullRequest(harness.clients, null),
                new ShowStatus(stages, new Deployments(harness.transactions), harness.holds,
                        new dev.sluice.rollout.drift.DriftStates(harness.transactions)),
                new ApproveEnvironment(stages, harness.giveApproval),
                new UnapproveEnvironment(stages, harness.withdrawApproval),
                new DeployToEnvironment(stages, authorizer, pipeline, harness.wake),
                new PauseEnvironment(stages, authorizer, pipeline, harness.wake),
                new ResumeEnvironment(stages, authorizer, pipeline, harness.wake),
                new RetryDeployment(stages, authorizer, pipeline, harness.wake),
                new RollBackEnvironment(stages, authorizer, pipeline, harness.wake),
                new BaselineTarget(stages, authorizer, new dev.sluice.rollout.drift.DriftChecker(
                        new dev.sluice.rollout.drift.ControllerSnapshots(harness.transactions),
                        new dev.sluice.rollout.drift.DriftStates(harness.transactions), java.util.Map.of(), java.time.Clock.systemUTC()),
                        new dev.sluice.rollout.drift.ControllerSnapshots(harness.transactions))));
        harness.commit("accounts", Map.of("sluice.yaml", Harness.POLICY,
                "db/migrations/V1__accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);\n"));
        harness.checkout("orders", true);
        head = harness.commit("orders", Map.of("db/migrations/V2__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);\n"));
        harness.publish(7, head);
        harness.pullRequest(7, head.name(), "carol", true, false);
        harness.permission("alice", "write", "write");
        harness.permission("carol", "write", "write");
        harness.permission("dave", "write", "maintain");
        harness.dba("dave", "active");
        harness.permission("eve", "read", "read");
        harness.permission("tina", "read", "triage");
        harness.permission("paul", "write", "write");
        harness.dba("paul", "pending");
        harness.permission("nobody", null, null);
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private HandlerResult say(String login, String body) {
        HandlerResult result = comments.handle("d", Harness.comment(7, login, body));
        assertThat(result).isInstanceOf(HandlerResult.Done.class);
        return result;
    }

    private String lastReply() throws Exception {
        List<String> replies = harness.replies();
        assertThat(replies).isNotEmpty();
        return replies.getLast();
    }

    private Release merge() throws Exception {
        RevCommit merge = harness.merge("orders");
        harness.publish(7, head);
        harness.pullRequest(7, head.name(), "carol", false, true);
        CutReleaseOnMerge cut = new CutReleaseOnMerge(harness.clients, harness.mirrors, harness.releases, harness.outbox, false, harness.wake);
        assertThat(cut.onClosed(Harness.pullRequest("closed", 7, head.name(), "carol", "alice", true, merge.name(), "main", "")))
                .isInstanceOf(HandlerResult.Done.class);
        return harness.releases.forPullRequest(Harness.REPO, 7).orElseThrow();
    }

    @Test
    void everyAvailableCommandNeedsARunner() {
        assertThatThrownBy(() -> new AnswerComments(harness.outbox, List.of())).hasMessage("no runner for /sluice plan");
    }

    @Test
    void aReaderCannotApproveAndTheRefusalIsAudited() throws Exception {
        say("eve", "/sluice approve staging");

        assertThat(lastReply()).isEqualTo("@eve has read access to acme/shop; approving staging needs write access and membership of"
                + " @acme/dba or being alice. The approval was not recorded.");
        assertThat(harness.audit("approval-refused")).singleElement().asString().startsWith("eve approval-refused staging: pull request #7:"
                + " @eve has read access");
        assertThat(harness.approvals.standing(Harness.REPO, 7, "staging")).isEmpty();
    }

    @Test
    void theAssociationInThePayloadIsNeverTheAnswerTriageIsRead() throws Exception {
        say("tina", "/sluice deploy dev");
        assertThat(lastReply()).startsWith("@tina");
        say("tina", "/sluice approve prod");
        assertThat(lastReply()).startsWith("@tina has read access to acme/shop; approving prod needs write access and membership of @acme/dba.");
    }

    @Test
    void someoneWithoutAccessOrWithAPendingTeamMembershipIsRefused() throws Exception {
        say("nobody", "/sluice approve prod");
        assertThat(lastReply()).startsWith("@nobody has no access to acme/shop; approving prod needs write access");

        say("paul", "/sluice approve prod");
        assertThat(lastReply()).isEqualTo("@paul has write access to acme/shop but is not an approver of prod (their membership of"
                + " @acme/dba is pending); approving prod needs write access and membership of @acme/dba. The approval was not recorded.");
        assertThat(harness.audit("approval-refused")).hasSize(2);
    }

    @Test
    void theAuthorMayNotApproveUnlessTheEnvironmentAllowsIt() throws Exception {
        say("carol", "/sluice approve staging");
        assertThat(lastReply()).isEqualTo("@carol opened this pull request, and staging does not let authors approve their own changes"
                + " (allow-author: false). The approval was not recorded.");
        assertThat(harness.audit("approval-refused")).hasSize(1);
    }

    @Test
    void anApprovalBeforeTheMergeBindsToTheHeadAndAPushChangingTheMigrationsVoidsIt() throws Exception {
        say("alice", "/sluice approve staging");
        say("dave", "/sluice approve staging");

        assertThat(harness.replies().getFirst()).startsWith("@alice approved staging for the migrations at " + head.name().substring(0, 7)
                + " (digest ").endsWith("(1 of 2 approvals). A push that changes the migrations voids the approval.");
        assertThat(lastReply()).contains("(2 of 2 approvals)");
        assertThat(harness.wakes).hasValue(2);
        String digest = harness.approvals.standing(Harness.REPO, 7, "staging").getFirst().digest();

        VoidApprovalsOnPush voiding = new VoidApprovalsOnPush(harness.clients, harness.mirrors, harness.approvals, harness.outbox);
        RevCommit docs = harness.commit("docs", Map.of("README.md", "orders\n"));
        harness.publish(7, docs);
        voiding.onPush(Harness.pullRequest("synchronize", 7, docs.name(), "carol", "carol", false, null, "main", ""));
        assertThat(harness.approvals.standing(Harness.REPO, 7, "staging")).as("a push not touching migrations keeps them").hasSize(2);

        RevCommit changed = harness.commit("orders v2", Map.of("db/migrations/V2__orders.sql", "CREATE TABLE orders (id int PRIMARY KEY);\n"));
        harness.publish(7, changed);
        voiding.onPush(Harness.pullRequest("synchronize", 7, changed.name(), "carol", "carol", false, null, "main", ""));

        assertThat(harness.approvals.standing(Harness.REPO, 7, "staging")).isEmpty();
        assertThat(lastReply()).isEqualTo("Approvals voided, because the push to " + changed.name().substring(0, 7)
                + " changed the migrations; approve again: @alice (staging), @dave (staging).");
        assertThat(digest).startsWith("sha256:");
    }

    @Test
    void anApprovalGivenBeforeTheMergeCountsForTheRelease() throws Exception {
        say("alice", "/sluice approve staging");
        Release release = merge();

        assertThat(harness.approvals.standing(Harness.REPO, 7, "staging").getFirst().digest()).isEqualTo(release.digest());
        say("dave", "/sluice approve staging");
        assertThat(lastReply()).isEqualTo("@dave approved staging for release " + release.version() + " (2 of 2 approvals).");
        say("dave", "/sluice approve staging");
        assertThat(lastReply()).isEqualTo("@dave had already approved staging for release " + release.version()
                + " (2 of 2 approvals); nothing changed.");
    }

    @Test
    void unapproveTakesTheOwnApprovalBack() throws Exception {
        say("alice", "/sluice approve staging");
        say("alice", "/sluice unapprove staging");
        assertThat(lastReply()).startsWith("@alice withdrew their approval of staging for the migrations at").endsWith("(0 of 2 approvals).");
        say("alice", "/sluice unapprove staging");
        assertThat(lastReply()).isEqualTo("@alice there was no standing approval of staging to take back; nothing changed (0 of 2 approvals).");
    }

    @Test
    void environmentsAreCheckedBeforeAnyoneIsAsked() throws Exception {
        say("eve", "/sluice approve stagin");
        assertThat(lastReply()).isEqualTo("@eve there is no environment `stagin` in sluice.yaml; the environments are dev, staging, prod.");
        say("eve", "/sluice approve");
        assertThat(lastReply()).isEqualTo("@eve `/sluice approve <env>` needs an environment; the environments are dev, staging, prod.");
        say("alice", "/sluice approve dev");
        assertThat(lastReply()).isEqualTo("@alice dev needs no approval (approval: auto); nothing was recorded.");
        assertThat(harness.github.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlMatching(".*/permission")))).isEmpty();
    }

    @Test
    void nothingIsDeployedBeforeTheMerge() throws Exception {
        say("alice", "/sluice deploy dev\n/sluice status\n/sluice rollback dev");
        assertThat(lastReply()).isEqualTo("""
                @alice pull request #7 is not merged yet; nothing to deploy. A release is cut when it is merged.

                @alice pull request #7 is not merged yet; nothing to deploy. A release is cut when it is merged.

                @alice pull request #7 is not merged yet; nothing to rollback. A release is cut when it is merged.""");
        assertThat(pipeline.calls).isEmpty();
    }

    @Test
    void pipelineCommandsOnTheReleaseNeedWriteAccess() throws Exception {
        Release release = merge();
        int wakes = harness.wakes.get();

        say("eve", "/sluice deploy prod");
        assertThat(lastReply()).isEqualTo("@eve has read access to acme/shop; deploying release " + release.version()
                + " to prod needs write access. Nothing was done.");
        assertThat(pipeline.calls).isEmpty();

        say("dave", "/sluice deploy prod\n/sluice retry prod tenants/t_042\n/sluice rollback prod --to 20260101.1\n/sluice pause staging\n"
                + "/sluice resume staging");
        assertThat(pipeline.calls).containsExactly("deploy " + release.version() + " prod by dave",
                "retry " + release.version() + " prod tenants/t_042 by dave",
                "rollback " + release.version() + " prod to 20260101.1 by dave",
                "pause acme/shop staging by dave", "resume acme/shop staging by dave");
        assertThat(lastReply()).startsWith("@dave deploy " + release.version() + " prod by dave accepted.\n\n@dave retry");
        assertThat(harness.wakes.get()).isEqualTo(wakes + 5);

        pipeline.refuse = java.util.Optional.of("prod is already running release " + release.version() + ".");
        say("dave", "/sluice deploy prod");
        assertThat(lastReply()).isEqualTo("@dave prod is already running release " + release.version() + ".");

        say("dave", "/sluice rollback prod --from x");
        assertThat(lastReply()).isEqualTo("@dave `--from x` is not `--to <version>`. Write `/sluice rollback <env> [--to <version>]`.");
    }

    @Test
    void pauseBeforeTheMergeUsesTheDefaultBranchPolicy() throws Exception {
        say("alice", "/sluice pause prod");
        assertThat(pipeline.calls).containsExactly("pause acme/shop prod by alice");
        say("alice", "/sluice pause qa");
        assertThat(lastReply()).isEqualTo("@alice there is no environment `qa` in sluice.yaml; the environments are dev, staging, prod.");
    }

    @Test
    void statusShowsEachEnvironment() throws Exception {
        say("alice", "/sluice approve staging");
        Release release = merge();
        harness.holds.pause(Harness.REPO, "prod", "dave");

        say("eve", "/sluice status");

        assertThat(lastReply()).isEqualTo("""
                @eve release %s (commit %s, 2 migrations):
                - dev: waiting (queued)
                - staging: waiting (waits for dev), 1 of 2 approvals (@alice)
                - prod: waiting (waits for staging), 0 of 1 approval — paused by @dave""".formatted(release.version(), release.commitSha().substring(0, 7)));
    }

    @Test
    void repliesGoThroughTheOutbox() throws Exception {
        say("eve", "/sluice pln");
        assertThat(harness.outboxRows()).singleElement().asString().startsWith("reply #7: @eve `/sluice pln` is not a command");
        assertThat(harness.github.getAllServeEvents()).isEmpty();
    }
}
