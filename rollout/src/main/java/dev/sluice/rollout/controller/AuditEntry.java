package dev.sluice.rollout.controller;

import java.util.Objects;
import java.util.Optional;

/** One line of the audit trail: who did what, where; the time is the database's. */
public record AuditEntry(String actor, String action, Optional<String> repository, Optional<String> environment,
        Optional<String> release, Optional<String> target, String detail) {

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(detail, "detail");
    }

    /** An entry about a repository; narrow it with the with-methods. */
    public static AuditEntry of(String actor, String action, String repository, String detail) {
        return new AuditEntry(actor, action, Optional.of(repository), Optional.empty(), Optional.empty(), Optional.empty(), detail);
    }

    public AuditEntry withEnvironment(String value) {
        return new AuditEntry(actor, action, repository, Optional.ofNullable(value), release, target, detail);
    }

    public AuditEntry withRelease(String value) {
        return new AuditEntry(actor, action, repository, environment, Optional.ofNullable(value), target, detail);
    }

    public AuditEntry withTarget(String value) {
        return new AuditEntry(actor, action, repository, environment, release, Optional.ofNullable(value), detail);
    }
}
