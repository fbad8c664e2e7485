package dev.sluice.webhooks.pullrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.testsupport.PostgresTest;
import dev.sluice.testsupport.TestDatabase;
import dev.sluice.webhooks.handle.HandlerResult;
import dev.sluice.webhooks.intake.EventParser;
import dev.sluice.webhooks.intake.ParsedEvent;
import dev.sluice.webhooks.review.Planner;
import dev.sluice.webhooks.review.ReviewPullRequest;
import dev.sluice.webhooks.review.ReviewReporter;
import dev.sluice.webhooks.testing.Harness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@PostgresTest
class PullRequestEventsTest {

    static final Path SHARED = Path.of("..", "..", "shared", "github-payloads");

    private Harness harness;
    private PullRequestEvents events;
    private CutReleaseOnMerge cut;

    @BeforeEach
    void setUp(TestDatabase database) throws Exception {
        harness = new Harness(database);
        cut = new CutReleaseOnMerge(harness.clients, harness.mirrors, harness.releases, harness.outbox, false, harness.wake);
        events = new PullRequestEvents(new ReviewPullRequest(harness.clients, harness.mirrors, new ReviewReporter(), new Planner(Map.of()), false),
                new VoidApprovalsOnPush(harness.clients, harness.mirrors, harness.approvals, harness.outbox), cut,
                new ApplyLabels(harness.stages, harness.giveApproval, harness.withdrawApproval, harness.holds, harness.authorizer,
                        harness.outbox, harness.wake));
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void everySharedPullRequestAndPushPayloadRoutesWithoutAnException() throws Exception {
        assumeTrue(Files.isDirectory(SHARED), "shared/github-payloads is not beside this checkout");
        List<Path> files;
        try (Stream<Path> pulls = Files.list(SHARED.resolve("pull_request")); Stream<Path> pushes = Files.list(SHARED.resolve("push"))) {
            files = Stream.concat(pulls, pushes).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(15);
        for (Path file : files) {
            String event = file.getParent().getFileName().toString();
            ParsedEvent parsed = new EventParser().parse(event, Files.readAllBytes(file));
            assertThat(parsed).as(file.toString()).isInstanceOf(ParsedEvent.Known.class);
            var known = ((ParsedEvent.Known) parsed).event();
            // Hello-World is not in the simulated upstream: work that needs git asks to be retried; nothing throws.
            HandlerResult result = event.equals("push") ? cut.handle("d", known) : events.handle("d", known);
            assertThat(result).as(file.toString()).isNotNull();
        }
        assertThat(harness.releases.list(java.util.Optional.empty(), 10)).isEmpty();
    }

    @Test
    void retargetingVoidsEveryStandingApproval() throws Exception {
        harness.approvals.give(Harness.REPO, 7, "prod", "sha256:abc", "dave", dev.sluice.rollout.pipeline.ApprovalSource.COMMENT,
                java.util.Optional.empty());

        HandlerResult result = events.handle("d", Harness.pullRequest("edited", 7, "a".repeat(40), "carol", "carol", false, null, "release",
                "\"changes\":{\"base\":{\"ref\":{\"from\":\"main\"},\"sha\":{\"from\":\"" + "b".repeat(40) + "\"}}}"));

        assertThat(result).isEqualTo(new HandlerResult.Done("pull request #7: 1 approvals voided"));
        assertThat(harness.replies()).containsExactly("Approvals voided, because the pull request now targets release; approve again: @dave (prod).");
        assertThat(events.handle("d", Harness.pullRequest("edited", 7, "a".repeat(40), "carol", "carol", false, null, "release",
                "\"changes\":{\"title\":{\"from\":\"old\"}}"))).isEqualTo(new HandlerResult.Done("pull request edited, base unchanged: approvals stand"));
    }

    @Test
    void aSynchronizeVoidsAndReviews() throws Exception {
        harness.commit("accounts", Map.of("sluice.yaml", Harness.POLICY, "db/migrations/V1__accounts.sql", "CREATE TABLE accounts (id int);\n"));
        harness.checkout("orders", true);
        RevCommit head = harness.commit("orders", Map.of("db/migrations/V2__orders.sql", "CREATE TABLE orders (id int);\n"));
        harness.publish(7, head);
        harness.approvals.give(Harness.REPO, 7, "prod", "sha256:old", "dave", dev.sluice.rollout.pipeline.ApprovalSource.COMMENT,
                java.util.Optional.empty());

        HandlerResult result = events.handle("d", Harness.pullRequest("synchronize", 7, head.name(), "carol", "carol", false, null, "main", ""));

        // The fixture's base is its head, so the review part finds nothing to review; both parts ran.
        assertThat(result).isEqualTo(new HandlerResult.Done("pull request #7: 1 approvals voided; pull request #7 changes no migration"));
        assertThat(harness.approvals.standing(Harness.REPO, 7, "prod")).isEmpty();
        assertThat(harness.replies()).singleElement().asString().startsWith("Approvals voided, because the push to " + head.name().substring(0, 7));
    }
}
