package dev.sluice.webhooks.pullrequest;

import dev.sluice.rollout.RolloutException;
import dev.sluice.rollout.controller.Outbox;
import dev.sluice.rollout.controller.OutboxKind;
import dev.sluice.rollout.release.NewRelease;
import dev.sluice.rollout.release.ReleaseCut;
import dev.sluice.rollout.release.ReleaseFile;
import dev.sluice.rollout.release.Releases;
import dev.sluice.webhooks.git.MigrationFolder;
import dev.sluice.webhooks.git.Mirror;
import dev.sluice.webhooks.git.PolicyFile;
import dev.sluice.webhooks.git.RepositoryMirrors;
import dev.sluice.webhooks.github.GitHubBusy;
import dev.sluice.webhooks.github.GitHubClients;
import dev.sluice.webhooks.handle.DeliveryHandler;
import dev.sluice.webhooks.handle.HandlerResult;
import dev.sluice.webhooks.intake.GitHubEvent;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kohsuke.github.GHEventPayload;
import org.kohsuke.github.GHPullRequest;

/**
 * Cuts a release when migrations reach the default branch: on the {@code push} to it, and on the
 * merged pull request's {@code closed} event, which names the pull request and its author. Both
 * arrive for one merge, and either may be redelivered: {@link Releases#cut} makes one release per
 * commit. The release holds the migrations folder and sluice.yaml as they are at the merge commit.
 */
public final class CutReleaseOnMerge implements DeliveryHandler {

    private static final String ZEROS = "0000000000000000000000000000000000000000";

    private final GitHubClients github;
    private final RepositoryMirrors mirrors;
    private final Releases releases;
    private final Outbox outbox;
    private final boolean tagReleases;
    private final Runnable wakePipeline;

    public CutReleaseOnMerge(GitHubClients github, RepositoryMirrors mirrors, Releases releases, Outbox outbox, boolean tagReleases,
            Runnable wakePipeline) {
        this.github = github;
        this.mirrors = mirrors;
        this.releases = releases;
        this.outbox = outbox;
        this.tagReleases = tagReleases;
        this.wakePipeline = wakePipeline;
    }

    @Override
    public Set<String> events() {
        return Set.of("push");
    }

    /** A push: only to the default branch, never a tag or a deleted branch. */
    @Override
    public HandlerResult handle(String deliveryId, GitHubEvent event) {
        GHEventPayload.Push push = (GHEventPayload.Push) event.payload();
        String defaultBranch = PayloadPullRequest.defaultBranch(push);
        if (!push.getRef().equals("refs/heads/" + defaultBranch)) {
            return new HandlerResult.Done("push to " + push.getRef() + ", not to " + defaultBranch + ": no release");
        }
        if (push.isDeleted() || push.getHead() == null || push.getHead().equals(ZEROS)) {
            return new HandlerResult.Done("push deleted " + push.getRef() + ": no release");
        }
        return cut(event.installation().orElse(0L), event.repository().orElseThrow(), push.getHead(), Optional.empty(),
                Optional.of(PayloadPullRequest.sender(push)).filter(login -> !login.isEmpty()));
    }

    /** A closed pull request: only merged ones, into the default branch. */
    public HandlerResult onClosed(GitHubEvent event) {
        GHEventPayload.PullRequest payload = (GHEventPayload.PullRequest) event.payload();
        GHPullRequest pullRequest = payload.getPullRequest();
        String defaultBranch = PayloadPullRequest.defaultBranch(payload);
        if (!PayloadPullRequest.merged(pullRequest)) {
            return new HandlerResult.Done("pull request #" + pullRequest.getNumber() + " closed without merging: no release");
        }
        if (!defaultBranch.equals(pullRequest.getBase().getRef())) {
            return new HandlerResult.Done("pull request #" + pullRequest.getNumber() + " merged into " + pullRequest.getBase().getRef()
                    + ", not " + defaultBranch + ": no release");
        }
        Optional<String> commit = PayloadPullRequest.mergeCommit(pullRequest);
        if (commit.isEmpty()) {
            return new HandlerResult.Done("pull request #" + pullRequest.getNumber() + " names no merge commit: the push cuts the release");
        }
        String author = PayloadPullRequest.facts(payload).author();
        return cut(event.installation().orElse(0L), event.repository().orElseThrow(), commit.get(),
                Optional.of(pullRequest.getNumber()), Optional.of(author).filter(login -> !login.isEmpty()));
    }

    private HandlerResult cut(long installation, String repository, String commit, Optional<Integer> pullRequest,
            Optional<String> author) {
        String[] name = repository.split("/", 2);
        String at = commit.substring(0, Math.min(7, commit.length()));
        try (Mirror mirror = mirrors.fetch(name[0], name[1], github.gitToken(installation), List.of(commit))) {
            PolicyFile policy;
            try {
                policy = MigrationFolder.policy(mirror, commit);
            } catch (RolloutException e) {
                return refuse(installation, repository, pullRequest, "sluice.yaml at " + at + " is invalid, so no release was cut: "
                        + e.getMessage() + ". Fix it on the default branch; the next merge that changes migrations cuts the release.");
            }
            Map<String, byte[]> files = MigrationFolder.sqlFiles(mirror, commit, policy.folder());
            Optional<String> parent = mirror.parentOf(commit);
            Map<String, byte[]> before = parent.isEmpty() ? Map.of() : MigrationFolder.sqlFiles(mirror, parent.get(), policy.folder());
            if (same(files, before)) {
                return new HandlerResult.Done("commit " + at + " changed no migration in " + policy.folder() + ": no release");
            }
            List<ReleaseFile> releaseFiles;
            try {
                releaseFiles = MigrationFolder.releaseFiles(files, policy.folder());
            } catch (RolloutException e) {
                return refuse(installation, repository, pullRequest, "the migrations at " + at + " cannot be released: " + e.getMessage());
            }
            ReleaseCut cut = releases.cut(new NewRelease(repository, commit, pullRequest, author, installation, policy.text(),
                    policy.config(), releaseFiles, tagReleases));
            return switch (cut) {
                case ReleaseCut.Created created -> {
                    wakePipeline.run();
                    yield new HandlerResult.Done("release " + created.release().version() + " cut from " + at);
                }
                case ReleaseCut.AlreadyCut already -> new HandlerResult.Done("release " + already.release().version()
                        + " was already cut from " + at);
            };
        } catch (GitHubBusy busy) {
            return new HandlerResult.Retry(busy.getMessage(), Optional.of(busy.retryAt()));
        } catch (IOException e) {
            return new HandlerResult.Retry(e.getMessage());
        }
    }

    private HandlerResult refuse(long installation, String repository, Optional<Integer> pullRequest, String reason) {
        pullRequest.ifPresent(number -> outbox.enqueue(repository, installation, OutboxKind.REPLY, String.valueOf(number), reason));
        return new HandlerResult.Done(reason);
    }

    private static boolean same(Map<String, byte[]> first, Map<String, byte[]> second) {
        return first.keySet().equals(second.keySet())
                && first.entrySet().stream().allMatch(file -> Arrays.equals(file.getValue(), second.get(file.getKey())));
    }
}
