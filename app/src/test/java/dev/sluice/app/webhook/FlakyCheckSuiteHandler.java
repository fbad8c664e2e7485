package dev.sluice.app.webhook;

import dev.sluice.webhooks.handle.DeliveryHandler;
import dev.sluice.webhooks.handle.HandlerResult;
import dev.sluice.webhooks.intake.GitHubEvent;
import jakarta.inject.Singleton;
import java.util.Set;

/** A test handler that always fails, to drive the retry and park paths of the worker. */
@Singleton
final class FlakyCheckSuiteHandler implements DeliveryHandler {

    @Override
    public Set<String> events() {
        return Set.of("check_suite");
    }

    @Override
    public HandlerResult handle(String deliveryId, GitHubEvent event) {
        throw new IllegalStateException("GitHub answered 502");
    }
}
