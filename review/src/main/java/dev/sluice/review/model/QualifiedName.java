package dev.sluice.review.model;

import java.util.Objects;

/**
 * A possibly schema-qualified object name as PostgreSQL resolves it: unquoted parts folded to
 * lower case, quoted parts kept as written.
 */
public record QualifiedName(String schema, String name) {

    public QualifiedName {
        Objects.requireNonNull(name, "name");
        schema = schema == null || schema.isEmpty() ? "" : schema;
    }

    public static QualifiedName of(String name) {
        return new QualifiedName("", name);
    }

    public boolean isQualified() {
        return !schema.isEmpty();
    }

    /** Same object, treating an unqualified name as matching any schema (the search path is unknown). */
    public boolean sameObject(QualifiedName other) {
        return name.equals(other.name) && (schema.isEmpty() || other.schema.isEmpty() || schema.equals(other.schema));
    }

    /** The key used to track objects within a review: the name without its schema when the schema is the default one. */
    public String key() {
        return schema.isEmpty() || schema.equals("public") ? name : schema + "." + name;
    }

    @Override
    public String toString() {
        return schema.isEmpty() ? quoteIfNeeded(name) : quoteIfNeeded(schema) + "." + quoteIfNeeded(name);
    }

    static String quoteIfNeeded(String identifier) {
        if (identifier.matches("[a-z_][a-z0-9_$]*")) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
