package dev.sluice.review.rules.destructive;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.ColumnDefinition;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.ExistingTableAlterRule;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;

/** ADD COLUMN ... NOT NULL without a default on an existing table: fails as soon as the table has a row. */
public final class AddColumnNotNullNoDefaultRule extends ExistingTableAlterRule {

    public AddColumnNotNullNoDefaultRule() {
        super("add-column-not-null-no-default", Category.DESTRUCTIVE, Severity.ERROR, RuleSet.RELAXED,
                "ADD COLUMN NOT NULL without a default fails on any table that has rows, and breaks older inserts",
                "adding-required-field");
    }

    @Override
    protected void checkAction(StatementContext context, Statement.AlterTable alter, AlterAction action, Report report) {
        if (!(action instanceof AlterAction.AddColumn add)) {
            return;
        }
        ColumnDefinition column = add.column();
        if (column.notNull() && !column.hasNonNullDefault() && !column.identity() && !column.type().isSerial()
                && !column.generatedStored() && !column.generatedVirtual()) {
            report.addAt(action.offset(), "ADD COLUMN " + alter.table() + "." + column.name() + " NOT NULL without a default"
                            + " fails with SQLSTATE 23502 if " + alter.table() + " has any row, and older code that inserts"
                            + " without this column fails afterwards.",
                    "Add it with a default (no rewrite on PostgreSQL 11+ for a constant):\nALTER TABLE " + alter.table()
                            + " ADD COLUMN " + column.name() + " " + column.type() + " NOT NULL DEFAULT ...;\nor add it"
                            + " nullable, backfill, then make it NOT NULL (see set-not-null-direct).");
        }
    }
}
