package dev.sluice.webhooks.intake;

import java.util.Objects;
import java.util.Optional;
import org.kohsuke.github.GHEventPayload;

/**
 * A webhook delivery read: the event name (X-GitHub-Event), its action, the repository and
 * installation it concerns, and the payload as the GitHub client library models it.
 */
public record GitHubEvent(String name, String action, Optional<String> repository, Optional<Long> installation,
        GHEventPayload payload) {

    public GitHubEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(installation, "installation");
        Objects.requireNonNull(payload, "payload");
    }
}
