package dev.sluice.review.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table constraint (CREATE TABLE element or ALTER TABLE ... ADD CONSTRAINT).
 *
 * @param name       the constraint name, when given
 * @param kind       which kind of constraint
 * @param columns    the constrained columns (for a foreign key: the referencing ones)
 * @param usingIndex the existing index it is built on ({@code ... USING INDEX idx}), when given
 * @param notValid   declared NOT VALID (existing rows not checked now)
 * @param references the referenced table of a foreign key
 * @param expression the expression of a CHECK constraint, as written; empty for other kinds
 */
public record TableConstraint(
        Optional<String> name,
        Kind kind,
        List<String> columns,
        Optional<String> usingIndex,
        boolean notValid,
        Optional<QualifiedName> references,
        String expression) {

    public enum Kind { PRIMARY_KEY, UNIQUE, CHECK, FOREIGN_KEY, EXCLUSION, NOT_NULL }

    public TableConstraint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        columns = List.copyOf(columns);
        Objects.requireNonNull(usingIndex, "usingIndex");
        Objects.requireNonNull(references, "references");
        Objects.requireNonNull(expression, "expression");
    }

    public String describe() {
        return name.map(n -> "constraint " + n).orElse(switch (kind) {
            case PRIMARY_KEY -> "primary key";
            case UNIQUE -> "unique constraint";
            case CHECK -> "check constraint";
            case FOREIGN_KEY -> "foreign key";
            case EXCLUSION -> "exclusion constraint";
            case NOT_NULL -> "not-null constraint";
        }) + (columns.isEmpty() ? "" : " (" + String.join(", ", columns) + ")");
    }
}
