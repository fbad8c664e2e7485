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

/** SET NOT NULL on an existing column, scanning the table under an ACCESS EXCLUSIVE lock. */
public final class SetNotNullDirectRule extends ExistingTableAlterRule {

    public SetNotNullDirectRule() {
        super("set-not-null-direct", Category.LOCKING, Severity.WARNING, RuleSet.DEFAULT,
                "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock, unless a valid CHECK proves it (12+)",
                "adding-not-nullable-field");
    }

    @Override
    protected void checkAction(StatementContext context, Statement.AlterTable alter, AlterAction action, Report report) {
        if (!(action instanceof AlterAction.SetNotNull set)) {
            return;
        }
        boolean provenByCheck = context.state().notNullProvenByCheck(alter.table(), set.column())
                || context.liveTable(alter.table()).map(table -> table.notNullChecks().contains(set.column())).orElse(false);
        if (context.pgVersion() >= 12 && provenByCheck) {
            return;
        }
        String table = alter.table().toString();
        String constraint = constraintName(alter.table().name(), set.column());
        String hint = context.pgVersion() >= 12
                ? "Prove it first without blocking, over three migrations:\n"
                        + "ALTER TABLE " + table + " ADD CONSTRAINT " + constraint + " CHECK (" + set.column()
                        + " IS NOT NULL) NOT VALID;\n"
                        + "-- next file: ALTER TABLE " + table + " VALIDATE CONSTRAINT " + constraint + ";\n"
                        + "-- next file: ALTER TABLE " + table + " ALTER COLUMN " + set.column() + " SET NOT NULL;"
                        + " ALTER TABLE " + table + " DROP CONSTRAINT " + constraint + ";"
                : "Before PostgreSQL 12 SET NOT NULL always scans; a validated CHECK (" + set.column()
                        + " IS NOT NULL) constraint gives the same guarantee without the long lock.";
        report.about(alter.table(), Cost.SCAN).addAt(action.offset(), "SET NOT NULL on " + table + "." + set.column() + " scans every row of " + table
                + " to check for nulls while holding " + Locks.ACCESS_EXCLUSIVE + ".", hint);
    }

    static String constraintName(String table, String column) {
        String name = table + "_" + column + "_not_null";
        return name.length() > 63 ? name.substring(0, 63) : name;
    }
}
