package dev.sluice.rollout.controller;

import java.util.Objects;

/**
 * A claimed report: what to send, which attempt this is, and the revision it was claimed at.
 */
public record OutboxMessage(long id, String repository, long installation, OutboxKind kind, String subject, String body,
        int attempt, int revision) {

    public OutboxMessage {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
