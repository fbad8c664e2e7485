package dev.sluice.rollout.drift;

import java.util.List;

/**
 * A normalized model of a database's schema, read from the system catalogs (SKELETON: the reader,
 * serialization and comparison are being written).
 */
public record SchemaSnapshot(List<SchemaObject> objects) {

    public SchemaSnapshot {
        objects = List.copyOf(objects);
    }
}
