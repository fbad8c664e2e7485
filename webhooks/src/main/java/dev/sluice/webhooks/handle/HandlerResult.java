package dev.sluice.webhooks.handle;

/** How handling a delivery went. */
public sealed interface HandlerResult {

    /** Done; the delivery is not handled again. */
    record Done(String summary) implements HandlerResult {
    }

    /** A failure worth retrying (GitHub or a database was unavailable): tried again later, then parked. */
    record Retry(String reason) implements HandlerResult {
    }

    /** A failure retrying cannot fix: parked with its reason at once. */
    record Park(String reason) implements HandlerResult {
    }
}
