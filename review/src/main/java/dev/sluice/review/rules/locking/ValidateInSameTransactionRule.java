package dev.sluice.review.rules.locking;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Cost;
import dev.sluice.review.rules.ExistingTableAlterRule;
import dev.sluice.review.rules.Locks;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;

/** VALIDATE CONSTRAINT in the same transaction that added the constraint NOT VALID. */
public final class ValidateInSameTransactionRule extends ExistingTableAlterRule {

    public ValidateInSameTransactionRule() {
        super("validate-in-same-transaction", Category.LOCKING, Severity.WARNING, RuleSet.DEFAULT,
                "VALIDATE CONSTRAINT in the transaction that added it NOT VALID keeps the ACCESS EXCLUSIVE lock for the scan");
    }

    @Override
    protected void checkAction(StatementContext context, Statement.AlterTable alter, AlterAction action, Report report) {
        if (action instanceof AlterAction.ValidateConstraint validate && context.scope().inTransaction()
                && context.state().addedNotValidInTransaction(validate.name(), context.scope().transaction())) {
            report.about(alter.table(), Cost.SCAN).addAt(action.offset(), "VALIDATE CONSTRAINT " + validate.name() + " runs in the transaction that added"
                            + " it NOT VALID: the lock ADD CONSTRAINT took on " + alter.table() + " (" + Locks.ACCESS_EXCLUSIVE
                            + " for a CHECK; for a foreign key " + Locks.SHARE_ROW_EXCLUSIVE + " on both tables) is still held"
                            + " while every row is checked, so NOT VALID saves nothing.",
                    "Move this statement to the next migration file:\nALTER TABLE " + alter.table()
                            + " VALIDATE CONSTRAINT " + validate.name() + ";");
        }
    }
}
