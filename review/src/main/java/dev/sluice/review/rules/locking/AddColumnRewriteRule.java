package dev.sluice.review.rules.locking;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.ColumnDefinition;
import dev.sluice.review.model.DefaultValue;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Cost;
import dev.sluice.review.rules.ExistingTableAlterRule;
import dev.sluice.review.rules.Locks;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;

/**
 * ADD COLUMN that makes PostgreSQL rewrite the table: a volatile default, serial, identity or a
 * stored generated column, and before PostgreSQL 11 any non-null default.
 */
public final class AddColumnRewriteRule extends ExistingTableAlterRule {

    public AddColumnRewriteRule() {
        super("add-column-rewrite", Category.LOCKING, Severity.ERROR, RuleSet.RELAXED,
                "ADD COLUMN with a volatile default, serial, identity or stored generated value rewrites the table",
                "adding-field-with-default");
    }

    @Override
    protected void checkAction(StatementContext context, Statement.AlterTable alter, AlterAction action, Report report) {
        if (!(action instanceof AlterAction.AddColumn add)) {
            return;
        }
        ColumnDefinition column = add.column();
        String cause = rewriteCause(column, context.pgVersion());
        if (cause == null) {
            return;
        }
        String target = alter.table() + "." + column.name();
        String message = "ADD COLUMN " + target + " " + cause + ": PostgreSQL rewrites every row of " + alter.table()
                + " (and rebuilds its indexes) while holding " + Locks.ACCESS_EXCLUSIVE + ".";
        if (column.defaultValue().map(DefaultValue::volatility).orElse(null) == DefaultValue.Volatility.UNKNOWN
                && !column.type().isSerial() && !column.identity() && !column.generatedStored()) {
            message = "ADD COLUMN " + target + " has the default " + column.defaultValue().get().text()
                    + ", which calls a function the review does not know: if it is VOLATILE, PostgreSQL rewrites every"
                    + " row of " + alter.table() + " while holding " + Locks.ACCESS_EXCLUSIVE + ".";
        }
        report.about(alter.table(), Cost.REWRITE).addAt(action.offset(), message,
                "Add the column without the default, set the default for new rows, then fill existing rows in"
                        + " batches from a separate migration:\n"
                        + "ALTER TABLE " + alter.table() + " ADD COLUMN " + column.name() + " " + column.type() + ";\n"
                        + column.defaultValue().map(value -> "ALTER TABLE " + alter.table() + " ALTER COLUMN "
                                + column.name() + " SET DEFAULT " + value.text() + ";\n").orElse("")
                        + "-- then, in batches: UPDATE " + alter.table() + " SET " + column.name() + " = ... WHERE id BETWEEN ...;");
    }

    /** Why this column forces a rewrite, or null when it does not. */
    static String rewriteCause(ColumnDefinition column, int pgVersion) {
        if (column.type().isSerial()) {
            return "is " + column.type() + " (each row gets its own nextval())";
        }
        if (column.identity()) {
            return "is an identity column (each row gets its own value)";
        }
        if (column.generatedStored()) {
            return "is a stored generated column (computed for each row)";
        }
        if (column.defaultValue().isEmpty() || column.defaultValue().get().isNull()) {
            return null;
        }
        DefaultValue value = column.defaultValue().get();
        if (pgVersion < 11) {
            return "has a default (before PostgreSQL 11 any non-null default is written into every row)";
        }
        return switch (value.volatility()) {
            case VOLATILE -> "has the volatile default " + value.text() + " (evaluated for each row)";
            case UNKNOWN -> "has the default " + value.text();
            case CONSTANT -> null;
        };
    }
}
