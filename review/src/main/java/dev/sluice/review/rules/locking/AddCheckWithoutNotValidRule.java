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

/** ADD CONSTRAINT ... CHECK without NOT VALID on an existing table. */
public final class AddCheckWithoutNotValidRule extends ExistingTableAlterRule {

    public AddCheckWithoutNotValidRule() {
        super("add-check-without-not-valid", Category.LOCKING, Severity.WARNING, RuleSet.DEFAULT,
                "ADD CHECK without NOT VALID checks every row under an ACCESS EXCLUSIVE lock",
                "constraint-missing-not-valid");
    }

    @Override
    protected void checkAction(StatementContext context, Statement.AlterTable alter, AlterAction action, Report report) {
        if (!(action instanceof AlterAction.AddConstraint add) || add.constraint().kind() != TableConstraint.Kind.CHECK
                || add.constraint().notValid()) {
            return;
        }
        String name = add.constraint().name().orElse(alter.table().name() + "_check");
        report.about(alter.table(), Cost.SCAN).addAt(action.offset(), "Adding " + add.constraint().describe() + " to " + alter.table()
                        + " checks every existing row while holding " + Locks.ACCESS_EXCLUSIVE + ".",
                "Add it NOT VALID (new rows are checked at once, the lock is brief), then validate it in a later"
                        + " migration, which takes only " + Locks.SHARE_UPDATE_EXCLUSIVE + ":\n"
                        + "ALTER TABLE " + alter.table() + " ADD CONSTRAINT " + name + " CHECK ("
                        + add.constraint().expression() + ") NOT VALID;\n"
                        + "-- next file: ALTER TABLE " + alter.table() + " VALIDATE CONSTRAINT " + name + ";");
    }
}
