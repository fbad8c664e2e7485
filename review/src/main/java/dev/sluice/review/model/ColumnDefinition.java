package dev.sluice.review.model;

import java.util.Objects;
import java.util.Optional;

/** A column as declared in CREATE TABLE or ALTER TABLE ... ADD COLUMN. */
public record ColumnDefinition(
        String name,
        TypeName type,
        boolean notNull,
        Optional<DefaultValue> defaultValue,
        boolean primaryKey,
        boolean unique,
        Optional<QualifiedName> references,
        boolean check,
        boolean identity,
        boolean generatedStored,
        boolean generatedVirtual) {

    public ColumnDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(references, "references");
    }

    public boolean hasNonNullDefault() {
        return defaultValue.filter(value -> !value.isNull()).isPresent();
    }
}
