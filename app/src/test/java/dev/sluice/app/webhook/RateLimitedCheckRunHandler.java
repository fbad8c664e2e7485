package dev.sluice.app.webhook;

import dev.sluice.webhooks.handle.DeliveryHandler;
import dev.sluice.webhooks.handle.HandlerResult;
import dev.sluice.webhooks.intake.GitHubEvent;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** A test handler that is always rate limited until an hour from now, to drive the queue's not-before path. */
@Singleton
final class RateLimitedCheckRunHandler implements DeliveryHandler {

    @Override
    public Set<String> events() {
        return Set.of("check_run");
    }

    @Override
    public HandlerResult handle(String deliveryId, GitHubEvent event) {
        return new HandlerResult.Retry("GitHub rate limit reached", Optional.of(Instant.now().plusSeconds(3600)));
    }
}
