package dev.sluice.webhooks.pullrequest;

import dev.sluice.rollout.RolloutException;
import dev.sluice.rollout.controller.Outbox;
import dev.sluice.rollout.controller.OutboxKind;
import dev.sluice.rollout.pipeline.Approval;
import dev.sluice.rollout.pipeline.Approvals;
import dev.sluice.webhooks.git.MigrationFolder;
import dev.sluice.webhooks.git.Mirror;
import dev.sluice.webhooks.git.PolicyFile;
import dev.sluice.webhooks.git.RepositoryMirrors;
import dev.sluice.webhooks.github.GitHubBusy;
import dev.sluice.webhooks.github.GitHubClients;
import dev.sluice.webhooks.handle.HandlerResult;
import dev.sluice.webhooks.intake.GitHubEvent;
import dev.sluice.webhooks.promotion.PullRequestFacts;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.kohsuke.github.GHEventPayload;

/**
 * An approval given before the merge is of the head's migrations (their digest). A push that
 * changes them voids it, and so does retargeting the pull request to another base: what was
 * approved is no longer what would be released. A push that leaves the migrations alone keeps
 * the approvals.
 */
public final class VoidApprovalsOnPush {

    /** Matches no digest, so every standing approval is voided. */
    private static final String NOTHING = "";

    private final GitHubClients github;
    private final RepositoryMirrors mirrors;
    private final Approvals approvals;
    private final Outbox outbox;

    public VoidApprovalsOnPush(GitHubClients github, RepositoryMirrors mirrors, Approvals approvals, Outbox outbox) {
        this.github = github;
        this.mirrors = mirrors;
        this.approvals = approvals;
        this.outbox = outbox;
    }

    /** {@code synchronize}: voids approvals of another digest than the new head's. */
    public HandlerResult onPush(GitHubEvent event) {
        GHEventPayload.PullRequest payload = (GHEventPayload.PullRequest) event.payload();
        PullRequestFacts facts = PayloadPullRequest.facts(payload);
        String repository = event.repository().orElseThrow();
        long installation = event.installation().orElse(0L);
        String[] name = repository.split("/", 2);
        String at = facts.headSha().substring(0, Math.min(7, facts.headSha().length()));
        String digest;
        String reason;
        try (Mirror mirror = mirrors.fetch(name[0], name[1], github.gitToken(installation), List.of(facts.headSha()))) {
            try {
                PolicyFile policy = MigrationFolder.policy(mirror, "refs/heads/" + facts.defaultBranch());
                digest = MigrationFolder.digest(mirror, facts.headSha(), policy.folder());
                reason = "the push to " + at + " changed the migrations; approve again";
            } catch (RolloutException e) {
                // Unreadable migrations or policy: nothing can be shown to match what was approved.
                digest = NOTHING;
                reason = "the migrations at " + at + " cannot be read (" + e.getMessage() + "); approve again once they can";
            }
        } catch (GitHubBusy busy) {
            return new HandlerResult.Retry(busy.getMessage(), Optional.of(busy.retryAt()));
        } catch (IOException e) {
            return new HandlerResult.Retry(e.getMessage());
        }
        return voidAndSay(installation, repository, facts.number(), digest, PayloadPullRequest.sender(payload), reason);
    }

    /** {@code edited}: when the base changed, every standing approval is voided. */
    public HandlerResult onEdited(GitHubEvent event) {
        GHEventPayload.PullRequest payload = (GHEventPayload.PullRequest) event.payload();
        if (payload.getChanges() == null || payload.getChanges().getBase() == null) {
            return new HandlerResult.Done("pull request edited, base unchanged: approvals stand");
        }
        String base = payload.getPullRequest().getBase().getRef();
        return voidAndSay(event.installation().orElse(0L), event.repository().orElseThrow(), payload.getPullRequest().getNumber(),
                NOTHING, PayloadPullRequest.sender(payload), "the pull request now targets " + base + "; approve again");
    }

    private HandlerResult voidAndSay(long installation, String repository, int number, String digest, String actor, String reason) {
        List<Approval> voided = approvals.voidOutdated(repository, number, digest, actor.isEmpty() ? "sluice" : actor, reason);
        if (voided.isEmpty()) {
            return new HandlerResult.Done("pull request #" + number + ": no approval voided");
        }
        outbox.enqueue(repository, installation, OutboxKind.REPLY, String.valueOf(number), reply(voided, reason));
        return new HandlerResult.Done("pull request #" + number + ": " + voided.size() + " approvals voided");
    }

    /** "Approvals voided, because …: @alice (staging), @bob (prod, staging)." */
    static String reply(List<Approval> voided, String reason) {
        Map<String, TreeSet<String>> byActor = new LinkedHashMap<>();
        voided.forEach(approval -> byActor.computeIfAbsent(approval.actor(), actor -> new TreeSet<>()).add(approval.environment()));
        String who = byActor.entrySet().stream().map(entry -> "@" + entry.getKey() + " (" + String.join(", ", entry.getValue()) + ")")
                .collect(Collectors.joining(", "));
        return "Approvals voided, because " + reason + ": " + who + ".";
    }
}
