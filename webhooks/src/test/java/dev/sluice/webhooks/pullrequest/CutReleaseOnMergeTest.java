package dev.sluice.webhooks.pullrequest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.rollout.release.Release;
import dev.sluice.testsupport.PostgresTest;
import dev.sluice.testsupport.TestDatabase;
import dev.sluice.webhooks.handle.HandlerResult;
import dev.sluice.webhooks.testing.Harness;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@PostgresTest
class CutReleaseOnMergeTest {

    private Harness harness;
    private CutReleaseOnMerge cut;
    private RevCommit head;
    private RevCommit merge;

    @BeforeEach
    void setUp(TestDatabase database) throws Exception {
        harness = new Harness(database);
        cut = new CutReleaseOnMerge(harness.clients, harness.mirrors, harness.releases, harness.outbox, true, harness.wake);
        harness.commit("accounts", Map.of("sluice.yaml", Harness.POLICY, "db/migrations/V1__accounts.sql", "CREATE TABLE accounts (id int);\n"));
        harness.checkout("orders", true);
        head = harness.commit("orders", Map.of("db/migrations/V2__orders.sql", "CREATE TABLE orders (id int);\n",
                "db/migrations/notes/readme.sql", "-- not a migration: in a subfolder\n"));
        merge = harness.merge("orders");
        harness.publish(7, head);
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private HandlerResult closed(int number, String mergeCommit, boolean merged, String base) {
        return cut.onClosed(Harness.pullRequest("closed", number, head.name(), "carol", "alice", merged, mergeCommit, base, ""));
    }

    @Test
    void aMergeDeliveredTwiceAndItsPushCutOneRelease() throws Exception {
        HandlerResult push = cut.handle("p", Harness.push("refs/heads/main", merge.name(), "alice", false));
        HandlerResult first = closed(7, merge.name(), true, "main");
        HandlerResult again = closed(7, merge.name(), true, "main");

        Release release = harness.releases.byCommit(Harness.REPO, merge.name()).orElseThrow();
        assertThat(push).isEqualTo(new HandlerResult.Done("release " + release.version() + " cut from " + merge.name().substring(0, 7)));
        assertThat(first).isEqualTo(new HandlerResult.Done("release " + release.version() + " was already cut from " + merge.name().substring(0, 7)));
        assertThat(again).isEqualTo(first);
        assertThat(harness.releases.list(Optional.of(Harness.REPO), 10)).hasSize(1);
        assertThat(release.pullRequest()).contains(7);
        assertThat(release.author()).contains("carol");
        assertThat(release.files()).extracting(file -> file.name()).containsExactly("V1__accounts.sql", "V2__orders.sql");
        assertThat(release.policyText()).isEqualTo(Harness.POLICY);
        assertThat(harness.rows("SELECT kind || ' ' || subject || ' ' || body FROM sluice.outbox WHERE kind = 'tag'"))
                .containsExactly("tag " + release.version() + " " + merge.name());
        assertThat(harness.wakes).hasValue(1);
    }

    @Test
    void otherBranchesTagsAndDeletionsCutNothing() throws Exception {
        assertThat(cut.handle("p", Harness.push("refs/heads/orders", head.name(), "alice", false)))
                .isEqualTo(new HandlerResult.Done("push to refs/heads/orders, not to main: no release"));
        assertThat(cut.handle("p", Harness.push("refs/tags/v1", head.name(), "alice", false)))
                .isEqualTo(new HandlerResult.Done("push to refs/tags/v1, not to main: no release"));
        assertThat(cut.handle("p", Harness.push("refs/heads/main", "0000000000000000000000000000000000000000", "alice", true)))
                .isEqualTo(new HandlerResult.Done("push deleted refs/heads/main: no release"));
        assertThat(closed(7, merge.name(), false, "main")).isEqualTo(new HandlerResult.Done("pull request #7 closed without merging: no release"));
        assertThat(closed(7, merge.name(), true, "develop"))
                .isEqualTo(new HandlerResult.Done("pull request #7 merged into develop, not main: no release"));
        assertThat(harness.releases.list(Optional.empty(), 10)).isEmpty();
        assertThat(harness.github.getAllServeEvents()).isEmpty();
    }

    @Test
    void aMergeThatChangesNoMigrationCutsNothing() throws Exception {
        harness.checkout("docs", true);
        RevCommit docs = harness.commit("docs", Map.of("README.md", "hello\n", "db/migrations/notes/more.sql", "-- still not one\n"));
        RevCommit docsMerge = harness.merge("docs");
        harness.publish(8, docs);

        assertThat(closed(8, docsMerge.name(), true, "main"))
                .isEqualTo(new HandlerResult.Done("commit " + docsMerge.name().substring(0, 7) + " changed no migration in db/migrations: no release"));
        assertThat(harness.releases.list(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void anInvalidPolicyOrMigrationIsAnsweredOnThePullRequest() throws Exception {
        harness.checkout("broken", true);
        RevCommit broken = harness.commit("broken", Map.of("sluice.yaml", "environments: [", "db/migrations/V3__x.sql", "SELECT 1;\n"));
        RevCommit brokenMerge = harness.merge("broken");
        harness.checkout("binary", true);
        harness.commit("fix yaml", Map.of("sluice.yaml", Harness.POLICY));
        java.nio.file.Files.write(harness.work.resolve("db/migrations/V4__bad.sql"), new byte[] {'S', 0, 'L'});
        RevCommit binary = harness.commit("binary", Map.of());
        RevCommit binaryMerge = harness.merge("binary");
        harness.publish(9, binary);

        assertThat(closed(9, brokenMerge.name(), true, "main")).isInstanceOf(HandlerResult.Done.class);
        assertThat(closed(10, binaryMerge.name(), true, "main")).isInstanceOf(HandlerResult.Done.class);

        List<String> rows = harness.outboxRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("reply #9: sluice.yaml at " + brokenMerge.name().substring(0, 7) + " is invalid, so no release was cut:");
        assertThat(rows.get(1)).isEqualTo("reply #10: the migrations at " + binaryMerge.name().substring(0, 7)
                + " cannot be released: db/migrations/V4__bad.sql: NUL byte at byte offset 1 (PostgreSQL cannot store it; is this a binary file?)");
        assertThat(harness.releases.list(Optional.empty(), 10)).isEmpty();
        assertThat(broken).isNotNull();
    }
}
