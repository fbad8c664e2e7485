package dev.sluice.webhooks.github;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
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
                throw primaryBusy(response::header, clock);
            }
        };
    }

    static GitHubAbuseLimitHandler secondary(Clock clock) {
        return new GitHubAbuseLimitHandler() {
            @Override
            public void onError(GitHubConnectorResponse response) throws IOException {
                throw secondaryBusy(response::header, clock);
            }
        };
    }

    static GitHubBusy primaryBusy(Function<String, String> headers, Clock clock) {
        Instant retryAt = header(headers, "x-ratelimit-reset").map(reset -> Instant.ofEpochSecond(Long.parseLong(reset)))
                .or(() -> retryAfter(headers, clock))
                .orElse(clock.instant().plus(SECONDARY_DEFAULT));
        return new GitHubBusy("GitHub rate limit reached; retry at " + retryAt, retryAt);
    }

    static GitHubBusy secondaryBusy(Function<String, String> headers, Clock clock) {
        Instant retryAt = retryAfter(headers, clock).orElse(clock.instant().plus(SECONDARY_DEFAULT));
        return new GitHubBusy("GitHub secondary rate limit; retry at " + retryAt, retryAt);
    }

    private static Optional<Instant> retryAfter(Function<String, String> headers, Clock clock) {
        return header(headers, "retry-after").flatMap(value -> {
            try {
                return Optional.of(clock.instant().plusSeconds(Math.max(1, Long.parseLong(value.strip()))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<String> header(Function<String, String> headers, String name) {
        String value = headers.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
