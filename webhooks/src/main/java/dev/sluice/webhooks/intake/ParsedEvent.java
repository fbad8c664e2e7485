package dev.sluice.webhooks.intake;

/** What reading a delivery's body gave. */
public sealed interface ParsedEvent {

    /** An event Sluice acts on, read. */
    record Known(GitHubEvent event) implements ParsedEvent {
    }

    /** An event Sluice does not act on (GitHub keeps adding them): acknowledged and ignored. */
    record Unhandled(String event) implements ParsedEvent {
    }

    /** Not JSON, or not the shape the event header announces. */
    record Malformed(String reason) implements ParsedEvent {
    }
}
