package dev.sluice.review.model;

/** One sub-command of ALTER TABLE. {@code offset} is where it starts in the file, for precise findings. */
public sealed interface AlterAction {

    int offset();

    record AddColumn(int offset, ColumnDefinition column, boolean ifNotExists) implements AlterAction {}

    record DropColumn(int offset, String column, boolean ifExists, boolean cascade) implements AlterAction {}

    record AlterColumnType(int offset, String column, TypeName type, boolean using) implements AlterAction {}

    record SetNotNull(int offset, String column) implements AlterAction {}

    record DropNotNull(int offset, String column) implements AlterAction {}

    record SetDefault(int offset, String column, DefaultValue value) implements AlterAction {}

    record DropDefault(int offset, String column) implements AlterAction {}

    record AddConstraint(int offset, TableConstraint constraint) implements AlterAction {}

    record ValidateConstraint(int offset, String name) implements AlterAction {}

    record DropConstraint(int offset, String name, boolean ifExists, boolean cascade) implements AlterAction {}

    record RenameColumn(int offset, String from, String to) implements AlterAction {}

    record RenameTable(int offset, String to) implements AlterAction {}

    record RenameConstraint(int offset, String from, String to) implements AlterAction {}

    /** Commands that rewrite the whole table: SET LOGGED/UNLOGGED, SET ACCESS METHOD, SET TABLESPACE. */
    record RewriteTable(int offset, String command) implements AlterAction {}

    record DetachPartition(int offset, QualifiedName partition, boolean concurrently, boolean finalizing) implements AlterAction {}

    record AttachPartition(int offset, QualifiedName partition) implements AlterAction {}

    record SetSchema(int offset, String schema) implements AlterAction {}

    /** Anything else (OWNER TO, ENABLE TRIGGER, SET STATISTICS ...): read, not judged. */
    record Other(int offset, String description) implements AlterAction {}
}
