package dev.sluice.review.rules.locking;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.QualifiedName;
import dev.sluice.review.model.Statement;
import dev.sluice.review.model.TableConstraint;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Cost;
import dev.sluice.review.rules.ExistingTableAlterRule;
import dev.sluice.review.rules.Locks;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;

/** ADD FOREIGN KEY without NOT VALID on an existing table. */
public final class AddForeignKeyWithoutNotValidRule extends ExistingTableAlterRule {

    public AddForeignKeyWithoutNotValidRule() {
        super("add-fk-without-not-valid", Category.LOCKING, Severity.WARNING, RuleSet.DEFAULT,
                "ADD FOREIGN KEY without NOT VALID checks every row while blocking writes to both tables",
                "adding-foreign-key-constraint");
    }

    @Override
    protected void checkAction(StatementContext context, Statement.AlterTable alter, AlterAction action, Report report) {
        if (!(action instanceof AlterAction.AddConstraint add) || add.constraint().kind() != TableConstraint.Kind.FOREIGN_KEY
                || add.constraint().notValid()) {
            return;
        }
        TableConstraint constraint = add.constraint();
        QualifiedName target = constraint.references().orElseThrow();
        String name = constraint.name().orElse(alter.table().name() + "_" + String.join("_", constraint.columns()) + "_fkey");
        String columns = String.join(", ", constraint.columns());
        report.about(alter.table(), Cost.SCAN).addAt(action.offset(), "Adding " + constraint.describe() + " to " + alter.table() + " checks every row of "
                        + alter.table() + " against " + target + " while holding " + Locks.SHARE_ROW_EXCLUSIVE
                        + " on both tables.",
                "Add it NOT VALID (new rows are checked at once), then validate it in a later migration, which does"
                        + " not block writes:\n"
                        + "ALTER TABLE " + alter.table() + " ADD CONSTRAINT " + name + " FOREIGN KEY (" + columns
                        + ") REFERENCES " + target + " NOT VALID;\n"
                        + "-- next file: ALTER TABLE " + alter.table() + " VALIDATE CONSTRAINT " + name + ";");
    }
}
