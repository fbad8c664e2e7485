package dev.sluice.rollout.drift;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One object of a schema snapshot: its kind, its qualified name (a column is {@code schema.table.column},
 * a function {@code schema.name(argument types)}), and its normalized attributes (a column's type,
 * default, nullability; an index's definition and validity; a function's body…), sorted by name so
 * two snapshots of the same schema are equal however they were built.
 */
public record SchemaObject(ObjectKind kind, String name, Map<String, String> attributes) {

    public SchemaObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    /** The identity two snapshots are matched on. */
    public String key() {
        return kind.name() + " " + name;
    }
}
