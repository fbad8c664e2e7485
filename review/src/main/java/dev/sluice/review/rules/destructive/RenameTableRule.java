package dev.sluice.review.rules.destructive;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.QualifiedName;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.ExistingTableAlterRule;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;
import java.util.List;

/** RENAME TO on an existing table, unless a view under the old name keeps old code working. */
public final class RenameTableRule extends ExistingTableAlterRule {

    public RenameTableRule() {
        super("rename-table", Category.DESTRUCTIVE, Severity.WARNING, RuleSet.DEFAULT,
                "Renaming a table breaks code that uses the old name, unless a view keeps the old name", "renaming-table");
    }

    @Override
    protected void checkAction(StatementContext context, Statement.AlterTable alter, AlterAction action, Report report) {
        if (!(action instanceof AlterAction.RenameTable rename) || oldNameKeptByView(context, alter.table())) {
            return;
        }
        report.addAt(action.offset(), "Renaming " + alter.table() + " to " + rename.to() + " breaks running code that still"
                        + " uses the name " + alter.table() + " (SQLSTATE 42P01).",
                "Keep the old name working in the same transaction:\nCREATE VIEW " + alter.table() + " AS SELECT * FROM "
                        + new QualifiedName(alter.table().schema(), rename.to()) + ";\nand drop the view once no code uses it.");
    }

    private static boolean oldNameKeptByView(StatementContext context, QualifiedName oldName) {
        List<Statement> following = context.following();
        for (int i = 0; i < following.size(); i++) {
            if (following.get(i) instanceof Statement.CreateView view && !view.materialized()
                    && view.view().sameObject(oldName) && context.sameTransactionAs(context.index() + 1 + i)) {
                return true;
            }
        }
        return false;
    }
}
