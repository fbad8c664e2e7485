package dev.sluice.rollout.drift;

import java.sql.Connection;
import java.util.List;

/**
 * A normalized model of a database's schema, read from the system catalogs (SKELETON: the reader,
 * serialization and comparison are being written on wt-drift).
 */
public record SchemaSnapshot(List<SchemaObject> objects) {

    public SchemaSnapshot {
        objects = List.copyOf(objects);
    }

    public static SchemaSnapshot read(Connection connection) {
        throw new UnsupportedOperationException("being written");
    }

    public String serialize() {
        throw new UnsupportedOperationException("being written");
    }

    public static SchemaSnapshot parse(String text) {
        throw new UnsupportedOperationException("being written");
    }

    public String digest() {
        throw new UnsupportedOperationException("being written");
    }
}
