package dev.sluice.webhooks.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.sluice.rollout.controller.ControllerSchema;
import dev.sluice.rollout.controller.Outbox;
import dev.sluice.rollout.controller.Transactions;
import dev.sluice.rollout.pipeline.Approvals;
import dev.sluice.rollout.pipeline.Holds;
import dev.sluice.rollout.release.Releases;
import dev.sluice.testsupport.TestDatabase;
import dev.sluice.webhooks.authz.Authorizer;
import dev.sluice.webhooks.git.RepositoryMirrors;
import dev.sluice.webhooks.github.GitHubClients;
import dev.sluice.webhooks.github.GitHubSettings;
import dev.sluice.webhooks.intake.EventParser;
import dev.sluice.webhooks.intake.GitHubEvent;
import dev.sluice.webhooks.intake.ParsedEvent;
import dev.sluice.webhooks.promotion.GiveApproval;
import dev.sluice.webhooks.promotion.PullRequestStages;
import dev.sluice.webhooks.promotion.WithdrawApproval;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * What the promotion tests share: the controller's state in a real PostgreSQL, GitHub simulated
 * by WireMock (token auth; permission and team answers stubbed per test), and a real git
 * repository {@code acme/shop} whose upstream the mirrors fetch over {@code file://}.
 */
public final class Harness implements AutoCloseable {

    public static final String REPO = "acme/shop";
    public static final String POLICY = """
            migrations: db/migrations
            environments:
              - name: dev
                targets: [dev]
                approval: auto
              - name: staging
                targets: [staging]
                approval: { approvers: ["@acme/dba", "alice"], required: 2 }
              - name: prod
                targets: [prod]
                approval: { approvers: ["@acme/dba"], required: 1, allow-author: true }
            """;

    public final WireMockServer github = new WireMockServer(options().dynamicPort());
    public final Path folder;
    public final Path work;
    public final Git git;
    public final Transactions transactions;
    public final Releases releases;
    public final Approvals approvals;
    public final Holds holds;
    public final Outbox outbox;
    public final GitHubClients clients;
    public final RepositoryMirrors mirrors;
    public final Authorizer authorizer;
    public final PullRequestStages stages;
    public final AtomicInteger wakes = new AtomicInteger();
    public final Runnable wake = wakes::incrementAndGet;
    public final GiveApproval giveApproval;
    public final WithdrawApproval withdrawApproval;

    public Harness(TestDatabase database) throws Exception {
        github.start();
        ControllerSchema.fromClasspath(database.dataSource()).migrate();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE sluice.release, sluice.release_file, sluice.deployment, sluice.deployment_target, sluice.approval,"
                    + " sluice.audit_event, sluice.outbox, sluice.environment_pause, sluice.pull_request_hold CASCADE");
        }
        transactions = new Transactions(database.dataSource());
        releases = new Releases(transactions, Clock.systemUTC());
        approvals = new Approvals(transactions);
        holds = new Holds(transactions);
        outbox = new Outbox(transactions);
        folder = Files.createTempDirectory("sluice-promotion");
        work = folder.resolve("work");
        git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call();
        clients = new GitHubClients(new GitHubSettings(github.baseUrl(), Optional.empty(), Optional.empty(), Optional.of("ghp_test")),
                Clock.systemUTC());
        mirrors = new RepositoryMirrors(folder.resolve("mirrors"), folder.toUri() + "upstream/{owner}/{repo}.git");
        authorizer = new Authorizer(clients, Clock.systemUTC());
        stages = new PullRequestStages(clients, mirrors, releases);
        giveApproval = new GiveApproval(approvals, authorizer, wake);
        withdrawApproval = new WithdrawApproval(approvals, authorizer);
        stubRepository();
    }

    // ---- git

    public RevCommit commit(String message, Map<String, String> files) throws Exception {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = work.resolve(file.getKey());
            Files.createDirectories(path.getParent() == null ? work : path.getParent());
            Files.writeString(path, file.getValue());
        }
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor("dev", "dev@example.com").setCommitter("dev", "dev@example.com").call();
    }

    public void checkout(String branch, boolean create) throws Exception {
        git.checkout().setCreateBranch(create).setName(branch).call();
    }

    /** A merge commit of {@code branch} into main, as GitHub's merge button makes. */
    public RevCommit merge(String branch) throws Exception {
        checkout("main", false);
        git.merge().include(git.getRepository().resolve(branch)).setFastForward(org.eclipse.jgit.api.MergeCommand.FastForwardMode.NO_FF)
                .setMessage("Merge " + branch).call();
        return git.log().setMaxCount(1).call().iterator().next();
    }

    /** Publishes the branches upstream, and {@code refs/pull/<n>/head}. */
    public void publish(int pullRequest, RevCommit head) throws Exception {
        Path upstream = folder.resolve("upstream/acme/shop.git");
        if (!Files.exists(upstream)) {
            Git.init().setBare(true).setDirectory(upstream.toFile()).call().close();
        }
        try (Git bare = Git.open(upstream.toFile())) {
            bare.fetch().setRemote(work.toUri().toString()).setRefSpecs("+refs/heads/*:refs/heads/*").call();
            if (head != null) {
                RefUpdate pull = bare.getRepository().updateRef("refs/pull/" + pullRequest + "/head");
                pull.setNewObjectId(head);
                pull.forceUpdate();
            }
        }
    }

    // ---- GitHub

    private void stubRepository() {
        github.stubFor(WireMock.get(urlEqualTo("/repos/acme/shop")).willReturn(json(200, """
                {"id":1,"name":"shop","full_name":"acme/shop","owner":{"login":"acme"},"default_branch":"main","url":"%s/repos/acme/shop"}"""
                .formatted(github.baseUrl()))));
    }

    public void pullRequest(int number, String headSha, String author, boolean open, boolean merged) {
        github.stubFor(WireMock.get(urlEqualTo("/repos/acme/shop/pulls/" + number)).willReturn(json(200, """
                {"number":%d,"state":"%s","merged":%s,"mergeable_state":"clean","user":{"login":"%s"},
                 "url":"%s/repos/acme/shop/pulls/%d","head":{"sha":"%s","ref":"orders"},"base":{"sha":"%s","ref":"main"}}"""
                .formatted(number, open ? "open" : "closed", merged, author, github.baseUrl(), number, headSha, headSha))));
    }

    /** GitHub's answer for the user's permission; {@code null} permission: 404 (not a collaborator). */
    public void permission(String login, String permission, String roleName) {
        String path = "/repos/acme/shop/collaborators/" + login + "/permission";
        github.stubFor(WireMock.get(urlEqualTo(path)).willReturn(permission == null
                ? json(404, "{\"message\":\"Not Found\"}")
                : json(200, "{\"permission\":\"%s\",\"role_name\":\"%s\",\"user\":{\"login\":\"%s\"}}".formatted(permission, roleName, login))));
    }

    /** Team membership of @acme/dba; {@code null} state: 404 (not a member). */
    public void dba(String login, String state) {
        github.stubFor(WireMock.get(urlEqualTo("/orgs/acme/teams/dba/memberships/" + login)).willReturn(state == null
                ? json(404, "{\"message\":\"Not Found\"}")
                : json(200, "{\"state\":\"%s\",\"role\":\"member\"}".formatted(state))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    // ---- events and state

    public static GitHubEvent event(String name, String json) {
        ParsedEvent parsed = new EventParser().parse(name, json.getBytes(StandardCharsets.UTF_8));
        return ((ParsedEvent.Known) parsed).event();
    }

    public static GitHubEvent comment(int number, String login, String body) {
        return event("issue_comment", """
                {"action":"created","issue":{"number":%d,"title":"t","pull_request":{"url":"https://api.github.com/repos/acme/shop/pulls/%d"}},
                 "comment":{"id":123,"body":%s,"user":{"login":"%s","type":"User"}},
                 "repository":{"full_name":"acme/shop","name":"shop","owner":{"login":"acme"},"default_branch":"main"},
                 "installation":{"id":42},"sender":{"login":"%s","type":"User"}}"""
                .formatted(number, number, quote(body), login, login));
    }

    /**
     * A pull_request event. {@code extra} is spliced into the top level (label, changes).
     */
    public static GitHubEvent pullRequest(String action, int number, String headSha, String author, String sender, boolean merged,
            String mergeCommit, String baseRef, String extra) {
        return event("pull_request", """
                {"action":"%s","number":%d,"pull_request":{"number":%d,"state":"%s","merged":%s,"mergeable_state":"clean",
                  "merge_commit_sha":%s,"merged_at":%s,"draft":false,"user":{"login":"%s","type":"User"},
                  "head":{"sha":"%s","ref":"orders"},"base":{"sha":"%s","ref":"%s"}},
                 "repository":{"full_name":"acme/shop","name":"shop","owner":{"login":"acme"},"default_branch":"main"},
                 "installation":{"id":42},"sender":{"login":"%s","type":"%s"}%s}"""
                .formatted(action, number, number, action.equals("closed") ? "closed" : "open", merged,
                        mergeCommit == null ? "null" : "\"" + mergeCommit + "\"", merged ? "\"2026-11-21T10:00:00Z\"" : "null", author,
                        headSha, headSha, baseRef, sender, sender.endsWith("[bot]") ? "Bot" : "User", extra.isEmpty() ? "" : "," + extra));
    }

    public static GitHubEvent push(String ref, String after, String sender, boolean deleted) {
        return event("push", """
                {"ref":"%s","before":"0000000000000000000000000000000000000001","after":"%s","created":false,"deleted":%s,"forced":false,
                 "commits":[],"pusher":{"name":"%s"},
                 "repository":{"full_name":"acme/shop","name":"shop","owner":{"login":"acme"},"default_branch":"main","master_branch":"main"},
                 "installation":{"id":42},"sender":{"login":"%s","type":"User"}}"""
                .formatted(ref, after, deleted, sender, sender));
    }

    public static String quote(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Queued outbox rows as "kind #subject: body", oldest first. */
    public List<String> outboxRows() throws Exception {
        return rows("SELECT kind || ' #' || subject || ': ' || body FROM sluice.outbox WHERE kind IN ('reply', 'remove-label', 'add-label')"
                + " ORDER BY id");
    }

    public List<String> replies() throws Exception {
        return rows("SELECT body FROM sluice.outbox WHERE kind = 'reply' ORDER BY id");
    }

    /** Audit lines as "actor action environment: detail". */
    public List<String> audit(String action) throws Exception {
        return rows("SELECT actor || ' ' || action || ' ' || coalesce(environment, '-') || ': ' || detail FROM sluice.audit_event"
                + " WHERE action = '" + action + "' ORDER BY id");
    }

    public List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = transactions.dataSource().getConnection(); PreparedStatement query = connection.prepareStatement(sql);
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    @Override
    public void close() {
        github.stop();
        git.close();
    }
}
