package dev.sluice.review.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a statement does, as far as the review needs to know. Recognised forms carry their parts;
 * {@link Known} is a statement read and not judged (INSERT, GRANT, COMMENT ...); {@link Unreadable}
 * is one that neither the PostgreSQL recognizer nor JSqlParser could read.
 */
public sealed interface Statement {

    record CreateTable(QualifiedName table, boolean ifNotExists, boolean temporary, List<ColumnDefinition> columns,
            List<TableConstraint> constraints, boolean partitionOf) implements Statement {
        public CreateTable {
            columns = List.copyOf(columns);
            constraints = List.copyOf(constraints);
        }
    }

    record AlterTable(QualifiedName table, boolean ifExists, List<AlterAction> actions) implements Statement {
        public AlterTable {
            actions = List.copyOf(actions);
        }
    }

    record CreateIndex(Optional<String> name, QualifiedName table, boolean unique, boolean concurrently,
            boolean ifNotExists, List<String> columns, boolean partial) implements Statement {
        public CreateIndex {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
        }
    }

    record DropIndex(List<QualifiedName> indexes, boolean concurrently, boolean ifExists, boolean cascade) implements Statement {
        public DropIndex {
            indexes = List.copyOf(indexes);
        }
    }

    /** DROP TABLE / VIEW / SCHEMA / DATABASE / TYPE / FUNCTION / ... ({@code objectType} in lower case, e.g. "materialized view"). */
    record Drop(String objectType, List<QualifiedName> names, boolean ifExists, boolean cascade) implements Statement {
        public Drop {
            names = List.copyOf(names);
        }
    }

    record Truncate(List<QualifiedName> tables, boolean cascade) implements Statement {
        public Truncate {
            tables = List.copyOf(tables);
        }
    }

    record Update(QualifiedName table, boolean hasWhere) implements Statement {}

    record Delete(QualifiedName table, boolean hasWhere) implements Statement {}

    record Transaction(Control control) implements Statement {
        public enum Control { BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, ROLLBACK_TO, PREPARE, COMMIT_PREPARED, ROLLBACK_PREPARED }
    }

    /** SET / SET LOCAL / RESET of a run-time parameter. */
    record SetParameter(String parameter, String value, boolean local) implements Statement {}

    record Reindex(String target, QualifiedName name, boolean concurrently) implements Statement {}

    record Vacuum(boolean full, List<QualifiedName> tables) implements Statement {
        public Vacuum {
            tables = List.copyOf(tables);
        }
    }

    record Cluster(Optional<QualifiedName> table) implements Statement {}

    record RefreshMaterializedView(QualifiedName view, boolean concurrently) implements Statement {}

    record AlterTypeAddValue(QualifiedName type, String value) implements Statement {}

    record CreateView(QualifiedName view, boolean materialized, boolean orReplace) implements Statement {}

    record CreateFunction(QualifiedName function, boolean procedure) implements Statement {}

    record DoBlock() implements Statement {}

    record CreateDomain(QualifiedName domain, boolean hasCheck) implements Statement {}

    record AlterDomainAddConstraint(QualifiedName domain, boolean notValid) implements Statement {}

    record CreateDatabase(String database) implements Statement {}

    /** ALTER SYSTEM, CREATE TABLESPACE and the like: commands PostgreSQL never runs inside a transaction block. */
    record NonTransactionalCommand(String command) implements Statement {}

    /** A statement read and not judged; {@code kind} names it ("insert", "grant", "create sequence" ...). */
    record Known(String kind) implements Statement {}

    /** Neither the recognizer nor JSqlParser could read it; {@code reason} says what went wrong. */
    record Unreadable(String reason) implements Statement {}
}
