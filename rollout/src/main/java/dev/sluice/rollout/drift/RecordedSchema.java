package dev.sluice.rollout.drift;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A target database's schema as the controller recorded it, and how it came to be recorded. */
public record RecordedSchema(long id, String target, String database, Optional<String> repository, Optional<String> release,
        Instant takenAt, String takenBy, String reason, SchemaSnapshot snapshot) {

    public RecordedSchema {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(takenBy, "takenBy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(snapshot, "snapshot");
    }

    /** How users name the database: the target, or target/database for a member of a group. */
    public String label() {
        return database.isEmpty() ? target : target + "/" + database;
    }
}
