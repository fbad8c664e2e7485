package dev.sluice.rollout.drift;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A row of the target's {@code sluice.schema_snapshot}: the schema as Sluice last left (or accepted) it. */
public record RecordedSnapshot(long id, Instant takenAt, Optional<String> release, String takenBy, SnapshotReason reason,
        SchemaSnapshot snapshot) {

    public RecordedSnapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(takenBy, "takenBy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(snapshot, "snapshot");
    }
}
