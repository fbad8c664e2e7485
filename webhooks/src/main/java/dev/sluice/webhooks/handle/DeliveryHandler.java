package dev.sluice.webhooks.handle;

import dev.sluice.webhooks.intake.GitHubEvent;
import java.util.Set;

/** Handles the deliveries of some events. One class per kind of work, named for what it does. */
public interface DeliveryHandler {

    /** The X-GitHub-Event names this handler takes. */
    Set<String> events();

    HandlerResult handle(String deliveryId, GitHubEvent event);
}
