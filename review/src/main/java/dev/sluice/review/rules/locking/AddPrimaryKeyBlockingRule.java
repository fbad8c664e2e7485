package dev.sluice.review.rules.locking;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.Statement;
import dev.sluice.review.model.TableConstraint;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Cost;
import dev.sluice.review.rules.ExistingTableAlterRule;
import dev.sluice.review.rules.Locks;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;

/** ADD PRIMARY KEY on an existing table without an index built beforehand. */
public final class AddPrimaryKeyBlockingRule extends ExistingTableAlterRule {

    public AddPrimaryKeyBlockingRule() {
        super("add-primary-key-blocking", Category.LOCKING, Severity.WARNING, RuleSet.DEFAULT,
                "ADD PRIMARY KEY builds its index (and checks for nulls) under an ACCESS EXCLUSIVE lock",
                "adding-serial-primary-key-field");
    }

    @Override
    protected void checkAction(StatementContext context, Statement.AlterTable alter, AlterAction action, Report report) {
        String columns;
        if (action instanceof AlterAction.AddConstraint add && add.constraint().kind() == TableConstraint.Kind.PRIMARY_KEY
                && add.constraint().usingIndex().isEmpty()) {
            columns = String.join(", ", add.constraint().columns());
        } else if (action instanceof AlterAction.AddColumn add && add.column().primaryKey()) {
            columns = add.column().name();
        } else {
            return;
        }
        String index = alter.table().name() + "_pkey";
        report.about(alter.table(), Cost.INDEX_BUILD).addAt(action.offset(), "Adding a primary key to " + alter.table() + " (" + columns + ") builds a unique index"
                        + " over the whole table, and checks the columns for nulls, while holding " + Locks.ACCESS_EXCLUSIVE + ".",
                "Make the columns NOT NULL safely first (see set-not-null-direct), build the index concurrently in a"
                        + " file of its own, then attach it:\n"
                        + "CREATE UNIQUE INDEX CONCURRENTLY " + index + " ON " + alter.table() + " (" + columns + ");\n"
                        + "-- next file: ALTER TABLE " + alter.table() + " ADD CONSTRAINT " + index
                        + " PRIMARY KEY USING INDEX " + index + ";");
    }
}
