package dev.sluice.app.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.Objects;

/** One line of the audit trail: who did what, where and when. Appended, never changed. */
@MappedEntity(value = "audit_event", schema = "sluice")
public record AuditEvent(
        @Id @GeneratedValue @Nullable Long id,
        Instant occurredAt,
        String actor,
        String action,
        @Nullable String environment,
        @Nullable String release,
        @Nullable String target,
        String detail,
        @Nullable String repository) {

    public AuditEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detail, "detail");
    }

    /** An event of the controller itself, not tied to an environment, release or target. */
    public static AuditEvent controller(Instant at, String action, String detail) {
        return new AuditEvent(null, at, "sluice", action, null, null, null, detail, null);
    }
}
