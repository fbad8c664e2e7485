package dev.sluice.webhooks.github;

import java.util.OptionalLong;

/**
 * Every HTTP call Sluice makes to GitHub's API, for whoever counts them (the controller's metrics).
 * Called on the calling thread; no-op by default.
 */
public interface GitHubCallListener {

    GitHubCallListener NONE = new GitHubCallListener() {
    };

    /** GitHub answered; {@code rateLimitRemaining} is the {@code x-ratelimit-remaining} header, when it was sent. */
    default void answered(int status, OptionalLong rateLimitRemaining) {
    }

    /** The call got no answer (connection refused, timeout, interrupted). */
    default void unanswered() {
    }

    static OptionalLong remaining(String header) {
        if (header == null || header.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
