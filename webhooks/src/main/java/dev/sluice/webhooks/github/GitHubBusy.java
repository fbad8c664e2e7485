package dev.sluice.webhooks.github;

import java.time.Instant;

/**
 * GitHub asked Sluice to wait (primary or secondary rate limit). Thrown instead of sleeping, so no
 * thread blocks: the work goes back to the queue until {@link #retryAt()}.
 */
public final class GitHubBusy extends RuntimeException {

    private final Instant retryAt;

    public GitHubBusy(String message, Instant retryAt) {
        super(message, null, false, false);
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
