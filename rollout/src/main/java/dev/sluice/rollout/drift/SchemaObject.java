package dev.sluice.rollout.drift;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One object of a schema snapshot: its kind, its qualified name (a column is {@code schema.table.column},
 * a function {@code schema.name(argument types)}), and its normalized attributes (a column's type,
 * default, nullability; an index's definition; a function's body…), sorted by name so two snapshots
 * of the same schema are equal however they were built.
 *
 * <p>Names are written as PostgreSQL's {@code quote_ident} writes each part ({@code public."Order"}), so
 * they are unambiguous and valid SQL. Attributes whose key starts with {@value #CONTEXT} are context,
 * not compared: the object it belongs to ({@code @in}, a key), the parent table and local name repair
 * SQL is built from, a function's whole {@code CREATE OR REPLACE} text, an index's validity (reported
 * on its own as INVALID).
 */
public record SchemaObject(ObjectKind kind, String name, Map<String, String> attributes) {

    public static final String CONTEXT = "@";

    public SchemaObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        attributes.forEach((key, value) -> {
            Objects.requireNonNull(key, "attribute key");
            Objects.requireNonNull(value, () -> "attribute " + key);
        });
        attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    /** The identity two snapshots are matched on. */
    public String key() {
        return key(kind, name);
    }

    public static String key(ObjectKind kind, String name) {
        return kind.name() + " " + name;
    }

    public Optional<String> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    /** The attributes that count as the schema: all but the context ones. */
    public Map<String, String> compared() {
        Map<String, String> compared = new TreeMap<>(attributes);
        compared.keySet().removeIf(key -> key.startsWith(CONTEXT));
        return compared;
    }
}
