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

/** ADD UNIQUE (or a UNIQUE column) on an existing table, building its index under an ACCESS EXCLUSIVE lock. */
public final class AddUniqueConstraintBlockingRule extends ExistingTableAlterRule {

    public AddUniqueConstraintBlockingRule() {
        super("add-unique-constraint-blocking", Category.LOCKING, Severity.WARNING, RuleSet.DEFAULT,
                "ADD UNIQUE builds its index while holding an ACCESS EXCLUSIVE lock",
                "disallowed-unique-constraint");
    }

    @Override
    protected void checkAction(StatementContext context, Statement.AlterTable alter, AlterAction action, Report report) {
        String columns;
        String name;
        if (action instanceof AlterAction.AddConstraint add && add.constraint().kind() == TableConstraint.Kind.UNIQUE
                && add.constraint().usingIndex().isEmpty()) {
            columns = String.join(", ", add.constraint().columns());
            name = add.constraint().name().orElse(alter.table().name() + "_" + String.join("_", add.constraint().columns()) + "_key");
        } else if (action instanceof AlterAction.AddColumn add && add.column().unique()) {
            columns = add.column().name();
            name = alter.table().name() + "_" + columns + "_key";
        } else {
            return;
        }
        report.about(alter.table(), Cost.INDEX_BUILD).addAt(action.offset(), "Adding a unique constraint on " + alter.table() + " (" + columns + ") builds a"
                        + " unique index over the whole table while holding " + Locks.ACCESS_EXCLUSIVE + ".",
                "Build the index concurrently first (in a file of its own), then attach it, which is instant:\n"
                        + "CREATE UNIQUE INDEX CONCURRENTLY " + name + " ON " + alter.table() + " (" + columns + ");\n"
                        + "-- next file: ALTER TABLE " + alter.table() + " ADD CONSTRAINT " + name + " UNIQUE USING INDEX "
                        + name + ";");
    }
}
