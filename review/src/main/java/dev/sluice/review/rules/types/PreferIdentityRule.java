package dev.sluice.review.rules.types;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.NewColumns;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;

/** serial columns, where the SQL-standard identity column is the better tool. */
public final class PreferIdentityRule extends AbstractRule {

    public PreferIdentityRule() {
        super("prefer-identity", Category.TYPES, Severity.INFO, RuleSet.DEFAULT,
                "serial columns are better declared as GENERATED ... AS IDENTITY", "prefer-identity");
    }

    @Override
    public void check(StatementContext context, Report report) {
        for (NewColumns.Declared declared : NewColumns.of(context)) {
            var type = declared.column().type();
            if (type.isSerial()) {
                String base = switch (type.name()) {
                    case "smallserial" -> "smallint";
                    case "serial" -> "integer";
                    default -> "bigint";
                };
                report.addAt(declared.offset(), declared.table() + "." + declared.column().name() + " is " + type.name()
                                + ": its sequence is a separate object with its own permissions and ownership, and"
                                + " explicit inserts silently get out of step with it.",
                        "Declare it as " + declared.column().name() + " " + (base.equals("integer") ? "bigint" : base)
                                + " GENERATED ALWAYS AS IDENTITY.");
            }
        }
    }
}
