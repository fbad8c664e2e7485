package dev.sluice.app.webhook;

import dev.sluice.webhooks.handle.DeliveryHandler;
import dev.sluice.webhooks.handle.InstallationStates;
import dev.sluice.webhooks.handle.TrackInstallations;
import dev.sluice.webhooks.intake.EventParser;
import dev.sluice.webhooks.intake.WebhookIntake;
import dev.sluice.webhooks.intake.WebhookSignature;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Wires webhook intake from {@code sluice.github.webhook-secret} (plus
 * {@code sluice.github.previous-webhook-secrets} while rotating) and {@code sluice.repositories}.
 * Without a secret there is no intake: the endpoint refuses every request.
 */
@Factory
final class WebhookConfiguration {

    @Singleton
    DeliveryHandler trackInstallations(InstallationStates states) {
        return new TrackInstallations(states);
    }

    @Singleton
    @Requires(property = "sluice.github.webhook-secret")
    WebhookIntake webhookIntake(@Property(name = "sluice.github.webhook-secret") String secret,
            @Property(name = "sluice.github.previous-webhook-secrets") @Nullable List<String> previousSecrets,
            @Property(name = "sluice.repositories") @Nullable List<String> repositories,
            DeliveryStore deliveries, Clock clock) {
        List<String> secrets = new ArrayList<>();
        secrets.add(secret);
        if (previousSecrets != null) {
            previousSecrets.stream().filter(previous -> !previous.isBlank()).forEach(secrets::add);
        }
        Set<String> allowed = repositories == null ? Set.of() : new HashSet<>(repositories);
        return new WebhookIntake(new WebhookSignature(secrets), new EventParser(), allowed, deliveries::installationStopped, clock);
    }
}
