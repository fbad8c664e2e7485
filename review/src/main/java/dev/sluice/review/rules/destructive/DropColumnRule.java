package dev.sluice.review.rules.destructive;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.ExistingTableAlterRule;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;

/** DROP COLUMN on an existing table: data loss, and a break for code still reading or writing it. */
public final class DropColumnRule extends ExistingTableAlterRule {

    public DropColumnRule() {
        super("drop-column", Category.DESTRUCTIVE, Severity.WARNING, RuleSet.DEFAULT,
                "DROP COLUMN loses the data and breaks code that still uses the column", "ban-drop-column");
    }

    @Override
    protected void checkAction(StatementContext context, Statement.AlterTable alter, AlterAction action, Report report) {
        if (action instanceof AlterAction.DropColumn drop) {
            report.addAt(action.offset(), "DROP COLUMN " + alter.table() + "." + drop.column() + " deletes its data; running"
                            + " code that still selects or inserts it fails (SQLSTATE 42703).",
                    "First release code that no longer uses the column, then drop it in a later migration;"
                            + " confirm with -- sluice:ignore drop-column.");
        }
    }
}
