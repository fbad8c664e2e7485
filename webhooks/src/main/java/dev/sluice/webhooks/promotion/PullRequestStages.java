package dev.sluice.webhooks.promotion;

import dev.sluice.rollout.RolloutException;
import dev.sluice.rollout.release.Release;
import dev.sluice.rollout.release.ReleaseDigest;
import dev.sluice.rollout.release.Releases;
import dev.sluice.webhooks.git.MigrationFolder;
import dev.sluice.webhooks.git.Mirror;
import dev.sluice.webhooks.git.PolicyFile;
import dev.sluice.webhooks.git.RepositoryMirrors;
import dev.sluice.webhooks.github.GitHubClients;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;

/**
 * Works out where a pull request stands and what an approval of it binds to. The policy is the
 * release's once merged, and the default branch's before: never the pull request's own head, so a
 * pull request cannot grant itself rights.
 */
public final class PullRequestStages {

    private final GitHubClients github;
    private final RepositoryMirrors mirrors;
    private final Releases releases;

    public PullRequestStages(GitHubClients github, RepositoryMirrors mirrors, Releases releases) {
        this.github = github;
        this.mirrors = mirrors;
        this.releases = releases;
    }

    /** The pull request as GitHub has it now (a comment's payload carries neither its head nor whether it is merged). */
    public PullRequestFacts facts(long installation, String repositoryName, int number) throws IOException {
        GHRepository repository = github.forInstallation(installation).getRepository(repositoryName);
        GHPullRequest pullRequest = repository.getPullRequest(number);
        String author = pullRequest.getUser() == null ? "" : pullRequest.getUser().getLogin();
        return new PullRequestFacts(number, pullRequest.getHead().getSha(), author == null ? "" : author,
                dev.sluice.webhooks.pullrequest.PayloadPullRequest.isOpen(pullRequest), pullRequest.isMerged(),
                Optional.ofNullable(repository.getDefaultBranch()).orElse("main"));
    }

    public Stage stage(long installation, String repository, int number) throws IOException {
        Optional<Release> release = releases.forPullRequest(repository, number);
        return release.isPresent() ? new Stage.Merged(release.get()) : stage(facts(installation, repository, number));
    }

    /** The stage from facts already in hand (a pull_request event's payload). */
    public Stage stage(String repository, PullRequestFacts facts) {
        return releases.forPullRequest(repository, facts.number()).<Stage>map(Stage.Merged::new).orElseGet(() -> stage(facts));
    }

    private static Stage stage(PullRequestFacts facts) {
        if (facts.merged()) {
            return new Stage.Closed("pull request #" + facts.number() + " is merged but has no release: its merge changed no migration"
                    + " (or the release is still being cut; try again in a minute)");
        }
        if (!facts.open()) {
            return new Stage.Closed("pull request #" + facts.number() + " was closed without merging; there is nothing to approve or deploy");
        }
        return new Stage.Open(facts);
    }

    /** What an approval given now binds to. */
    public ApprovalTarget approvalTarget(long installation, String repository, Stage stage) throws IOException {
        return switch (stage) {
            case Stage.Merged merged -> new ApprovalTarget.Digest(merged.release().policy(), merged.release().digest(),
                    Optional.of(merged.release()), merged.release().author().orElse(""), "release " + merged.release().version());
            case Stage.Closed closed -> new ApprovalTarget.Unavailable(closed.why());
            case Stage.Open open -> head(installation, repository, open.facts());
        };
    }

    private ApprovalTarget head(long installation, String repositoryName, PullRequestFacts facts) throws IOException {
        String[] name = repositoryName.split("/", 2);
        try (Mirror mirror = mirrors.fetch(name[0], name[1], github.gitToken(installation), List.of(facts.headSha()))) {
            PolicyFile policy;
            try {
                policy = MigrationFolder.policy(mirror, "refs/heads/" + facts.defaultBranch());
            } catch (RolloutException e) {
                return new ApprovalTarget.Unavailable("sluice.yaml on " + facts.defaultBranch() + " is invalid: " + e.getMessage());
            }
            try {
                String digest = MigrationFolder.digest(mirror, facts.headSha(), policy.folder());
                return new ApprovalTarget.Digest(policy.config(), digest, Optional.empty(), facts.author(),
                        "the migrations at " + facts.headSha().substring(0, Math.min(7, facts.headSha().length()))
                                + " (digest " + ReleaseDigest.shortForm(digest) + ")");
            } catch (RolloutException e) {
                return new ApprovalTarget.Unavailable("the migrations at the head cannot be read: " + e.getMessage());
            }
        }
    }

    /** sluice.yaml of the default branch, for repository-wide commands (pause, resume) before a release exists. */
    public PolicyFile defaultBranchPolicy(long installation, String repositoryName, String defaultBranch) throws IOException {
        String[] name = repositoryName.split("/", 2);
        try (Mirror mirror = mirrors.fetch(name[0], name[1], github.gitToken(installation), List.of())) {
            return MigrationFolder.policy(mirror, "refs/heads/" + defaultBranch);
        }
    }

    /** The repository's default branch, from the payload when it named it. */
    public String defaultBranch(long installation, String repository, Optional<String> fromPayload) throws IOException {
        if (fromPayload.isPresent() && !fromPayload.get().isBlank()) {
            return fromPayload.get();
        }
        return Optional.ofNullable(github.forInstallation(installation).getRepository(repository).getDefaultBranch()).orElse("main");
    }
}
