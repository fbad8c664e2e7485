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

/** ADD EXCLUDE on an existing table: its index is built under an ACCESS EXCLUSIVE lock, with no concurrent form. */
public final class AddExclusionConstraintRule extends ExistingTableAlterRule {

    public AddExclusionConstraintRule() {
        super("add-exclusion-constraint", Category.LOCKING, Severity.WARNING, RuleSet.DEFAULT,
                "ADD EXCLUDE builds its index under an ACCESS EXCLUSIVE lock and has no concurrent form");
    }

    @Override
    protected void checkAction(StatementContext context, Statement.AlterTable alter, AlterAction action, Report report) {
        if (action instanceof AlterAction.AddConstraint add && add.constraint().kind() == TableConstraint.Kind.EXCLUSION) {
            report.about(alter.table(), Cost.INDEX_BUILD).addAt(action.offset(), "Adding " + add.constraint().describe() + " to " + alter.table()
                            + " builds its index and checks every row while holding " + Locks.ACCESS_EXCLUSIVE
                            + "; PostgreSQL has no NOT VALID or CONCURRENTLY form for exclusion constraints.",
                    "Add it while the table is small, or in a maintenance window, with a lock_timeout so it gives up"
                            + " rather than queue; acknowledge with -- sluice:ignore add-exclusion-constraint.");
        }
    }
}
