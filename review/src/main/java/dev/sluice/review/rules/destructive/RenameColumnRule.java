package dev.sluice.review.rules.destructive;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.ExistingTableAlterRule;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;

/** RENAME COLUMN on an existing table. */
public final class RenameColumnRule extends ExistingTableAlterRule {

    public RenameColumnRule() {
        super("rename-column", Category.DESTRUCTIVE, Severity.WARNING, RuleSet.DEFAULT,
                "Renaming a column breaks code that uses the old name", "renaming-column");
    }

    @Override
    protected void checkAction(StatementContext context, Statement.AlterTable alter, AlterAction action, Report report) {
        if (action instanceof AlterAction.RenameColumn rename) {
            report.addAt(action.offset(), "Renaming " + alter.table() + "." + rename.from() + " to " + rename.to()
                            + " breaks running code that still uses " + rename.from() + " (SQLSTATE 42703).",
                    "Add the new column, write both, backfill, move readers over, then drop the old column in a later"
                            + " release; confirm a coordinated rename with -- sluice:ignore rename-column.");
        }
    }
}
