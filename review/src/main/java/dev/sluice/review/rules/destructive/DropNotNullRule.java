package dev.sluice.review.rules.destructive;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.ExistingTableAlterRule;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;

/** DROP NOT NULL: readers that assume a value may now meet nulls. */
public final class DropNotNullRule extends ExistingTableAlterRule {

    public DropNotNullRule() {
        super("drop-not-null", Category.DESTRUCTIVE, Severity.WARNING, RuleSet.DEFAULT,
                "DROP NOT NULL lets nulls in where running code may assume a value");
    }

    @Override
    protected void checkAction(StatementContext context, Statement.AlterTable alter, AlterAction action, Report report) {
        if (action instanceof AlterAction.DropNotNull drop) {
            report.addAt(action.offset(), "DROP NOT NULL on " + alter.table() + "." + drop.column() + " lets new rows"
                            + " store null; code that reads the column and assumes a value can break.",
                    "Make sure every reader handles null before this runs; confirm with -- sluice:ignore drop-not-null.");
        }
    }
}
