package dev.sluice.webhooks.promotion;

import java.util.Objects;

/** What Sluice needs to know of a pull request to decide a command, read from GitHub or from the event. */
public record PullRequestFacts(int number, String headSha, String author, boolean open, boolean merged, String defaultBranch) {

    public PullRequestFacts {
        Objects.requireNonNull(headSha, "headSha");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(defaultBranch, "defaultBranch");
    }
}
