package dev.sluice.review.rules.types;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.NewColumns;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;

/** varchar(n) and char(n) columns: a length limit better kept in a CHECK constraint. */
public final class PreferTextRule extends AbstractRule {

    public PreferTextRule() {
        super("prefer-text", Category.TYPES, Severity.INFO, RuleSet.DEFAULT,
                "varchar(n) and char(n) limits are better kept as text with a CHECK", "prefer-text-field");
    }

    @Override
    public void check(StatementContext context, Report report) {
        for (NewColumns.Declared declared : NewColumns.of(context)) {
            var type = declared.column().type();
            if ((type.name().equals("varchar") || type.name().equals("char")) && !type.modifiers().isEmpty()) {
                report.addAt(declared.offset(), declared.table() + "." + declared.column().name() + " is " + type
                                + ": shrinking the limit later rewrites the table, and char(n) pads with spaces.",
                        "Use text with a constraint you can change without a rewrite: " + declared.column().name()
                                + " text CHECK (length(" + declared.column().name() + ") <= " + type.firstModifier() + ").");
            }
        }
    }
}
