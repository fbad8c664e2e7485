package dev.sluice.webhooks.pullrequest;

import dev.sluice.webhooks.promotion.PullRequestFacts;
import java.io.IOException;
import java.util.Optional;
import org.kohsuke.github.GHEventPayload;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHUser;

/**
 * Reads a {@code pull_request} event's payload without calling GitHub: payloads are parsed
 * offline, and a getter that would refresh the object must not fail the delivery.
 */
public final class PayloadPullRequest {

    private PayloadPullRequest() {
    }

    static PullRequestFacts facts(GHEventPayload.PullRequest payload) {
        GHPullRequest pullRequest = payload.getPullRequest();
        return new PullRequestFacts(pullRequest.getNumber(), pullRequest.getHead().getSha(), login(author(pullRequest)),
                isOpen(pullRequest), merged(pullRequest), defaultBranch(payload));
    }

    /** Whether it is open; a payload without a state (the library then fails) is open unless it was closed. */
    public static boolean isOpen(GHPullRequest pullRequest) {
        try {
            return pullRequest.getState() == GHIssueState.OPEN;
        } catch (NullPointerException noStateInPayload) {
            return pullRequest.getClosedAt() == null;
        }
    }

    static String defaultBranch(GHEventPayload payload) {
        return Optional.ofNullable(payload.getRepository()).map(repository -> repository.getDefaultBranch()).orElse("main");
    }

    static boolean merged(GHPullRequest pullRequest) {
        try {
            return pullRequest.isMerged();
        } catch (IOException e) {
            return pullRequest.getMergedAt() != null; // an older payload without mergeable_state
        }
    }

    static Optional<String> mergeCommit(GHPullRequest pullRequest) {
        try {
            return Optional.ofNullable(pullRequest.getMergeCommitSha()).filter(sha -> !sha.isBlank());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static String sender(GHEventPayload payload) {
        return login(payload.getSender());
    }

    private static GHUser author(GHPullRequest pullRequest) {
        try {
            return pullRequest.getUser();
        } catch (IOException e) {
            return null;
        }
    }

    static String login(GHUser user) {
        return user == null || user.getLogin() == null ? "" : user.getLogin();
    }
}
