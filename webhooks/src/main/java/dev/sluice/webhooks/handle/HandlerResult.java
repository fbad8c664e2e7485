package dev.sluice.webhooks.handle;

/** How handling a delivery went. */
public sealed interface HandlerResult {

    /** Done; the delivery is not handled again. */
    record Done(String summary) implements HandlerResult {
    }

    /**
     * A failure worth retrying (GitHub or a database was unavailable): tried again after a backoff,
     * and not before {@code notBefore} when GitHub named a time (rate limits); parked when the
     * attempts are used up.
     */
    record Retry(String reason, java.util.Optional<java.time.Instant> notBefore) implements HandlerResult {
        public Retry(String reason) {
            this(reason, java.util.Optional.empty());
        }
    }

    /** A failure retrying cannot fix: parked with its reason at once. */
    record Park(String reason) implements HandlerResult {
    }
}
