package dev.sluice.webhooks.intake;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A webhook delivery as it is recorded before it is acknowledged. */
public record Delivery(String id, String event, String action, Optional<String> repository, Optional<Long> installation,
        Instant receivedAt, byte[] body) {

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(installation, "installation");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(body, "body");
    }
}
