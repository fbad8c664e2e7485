package dev.sluice.review.rules.structure;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.ColumnDefinition;
import dev.sluice.review.model.QualifiedName;
import dev.sluice.review.model.Statement;
import dev.sluice.review.model.TableConstraint;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.FileContext;
import dev.sluice.review.rules.Report;
import java.util.ArrayList;
import java.util.List;

/** A foreign key whose columns no index of the same file (or the live table) leads with. */
public final class ForeignKeyWithoutIndexRule extends AbstractRule {

    private record ForeignKey(int statement, int offset, QualifiedName table, List<String> columns, QualifiedName target) {
    }

    private record Index(QualifiedName table, List<String> columns) {
    }

    public ForeignKeyWithoutIndexRule() {
        super("foreign-key-without-index", Category.STRUCTURE, Severity.INFO, RuleSet.DEFAULT,
                "A foreign key without an index on its columns makes deletes and updates of the referenced rows scan the table");
    }

    @Override
    public void finish(FileContext file, Report report) {
        List<ForeignKey> keys = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        for (int i = 0; i < file.statements().size(); i++) {
            collect(file, i, keys, indexes);
        }
        for (ForeignKey key : keys) {
            boolean covered = indexes.stream().anyMatch(index -> index.table().sameObject(key.table()) && leads(index.columns(), key.columns()))
                    || file.options().schema().table(key.table())
                            .map(table -> table.indexedColumnSets().stream()
                                    .anyMatch(set -> leads(List.of(set.split(",")), key.columns())))
                            .orElse(false);
            if (!covered) {
                String columns = String.join(", ", key.columns());
                report.addInFile(key.statement(), key.offset(), "No index on " + key.table() + " (" + columns + ") backs its"
                                + " foreign key to " + key.target() + ": each DELETE or key UPDATE on " + key.target()
                                + " scans " + key.table() + ", and joins on it are slow.",
                        "Add one (concurrently, in a file of its own, if the table is not new):\nCREATE INDEX CONCURRENTLY ON "
                                + key.table() + " (" + columns + ");");
            }
        }
    }

    private static void collect(FileContext file, int index, List<ForeignKey> keys, List<Index> indexes) {
        int start = file.sql(index).start();
        switch (file.statements().get(index)) {
            case Statement.CreateTable create -> {
                for (ColumnDefinition column : create.columns()) {
                    column.references().ifPresent(target -> keys.add(new ForeignKey(index, start, create.table(),
                            List.of(column.name()), target)));
                    if (column.primaryKey() || column.unique()) {
                        indexes.add(new Index(create.table(), List.of(column.name())));
                    }
                }
                for (TableConstraint constraint : create.constraints()) {
                    addConstraint(index, start, create.table(), constraint, keys, indexes);
                }
            }
            case Statement.AlterTable alter -> {
                for (AlterAction action : alter.actions()) {
                    if (action instanceof AlterAction.AddConstraint add) {
                        addConstraint(index, action.offset(), alter.table(), add.constraint(), keys, indexes);
                    } else if (action instanceof AlterAction.AddColumn add) {
                        add.column().references().ifPresent(target -> keys.add(new ForeignKey(index, action.offset(),
                                alter.table(), List.of(add.column().name()), target)));
                        if (add.column().primaryKey() || add.column().unique()) {
                            indexes.add(new Index(alter.table(), List.of(add.column().name())));
                        }
                    }
                }
            }
            // A partial index cannot serve the lookup that checks all referencing rows.
            case Statement.CreateIndex create when !create.partial() -> indexes.add(new Index(create.table(), create.columns()));
            default -> {
            }
        }
    }

    private static void addConstraint(int statement, int offset, QualifiedName table, TableConstraint constraint,
            List<ForeignKey> keys, List<Index> indexes) {
        switch (constraint.kind()) {
            case FOREIGN_KEY -> keys.add(new ForeignKey(statement, offset, table, constraint.columns(),
                    constraint.references().orElseThrow()));
            case PRIMARY_KEY, UNIQUE -> indexes.add(new Index(table, constraint.columns()));
            default -> {
            }
        }
    }

    /** Whether the index's leading columns are exactly the key's columns, in any order. */
    private static boolean leads(List<String> indexColumns, List<String> keyColumns) {
        if (indexColumns.size() < keyColumns.size() || keyColumns.isEmpty()) {
            return false;
        }
        return indexColumns.subList(0, keyColumns.size()).containsAll(keyColumns);
    }
}
