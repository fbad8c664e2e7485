package dev.sluice.webhooks.github;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/** Rate-limit handlers that never sleep: they throw {@link GitHubBusy} with the time GitHub named. */
final class BusyHandlers {

    /** Without a Retry-After, GitHub's guidance for secondary limits is to wait at least a minute. */
    static final Duration SECONDARY_DEFAULT = Duration.ofSeconds(60);

    private BusyHandlers() {
    }

    static GitHubRateLimitHandler primary(Clock clock) {
        return new GitHubRateLimitHandler() {
            @Override
            public void onError(GitHubConnectorResponse response) throws IOException {
                Instant retryAt = header(response, "x-ratelimit-reset").map(reset -> Instant.ofEpochSecond(Long.parseLong(reset)))
                        .or(() -> retryAfter(response, clock))
                        .orElse(clock.instant().plus(SECONDARY_DEFAULT));
                throw new GitHubBusy("GitHub rate limit reached; retry at " + retryAt, retryAt);
            }
        };
    }

    static GitHubAbuseLimitHandler secondary(Clock clock) {
        return new GitHubAbuseLimitHandler() {
            @Override
            public void onError(GitHubConnectorResponse response) throws IOException {
                Instant retryAt = retryAfter(response, clock).orElse(clock.instant().plus(SECONDARY_DEFAULT));
                throw new GitHubBusy("GitHub secondary rate limit; retry at " + retryAt, retryAt);
            }
        };
    }

    private static Optional<Instant> retryAfter(GitHubConnectorResponse response, Clock clock) {
        return header(response, "retry-after").flatMap(value -> {
            try {
                return Optional.of(clock.instant().plusSeconds(Math.max(1, Long.parseLong(value.strip()))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<String> header(GitHubConnectorResponse response, String name) {
        String value = response.header(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
