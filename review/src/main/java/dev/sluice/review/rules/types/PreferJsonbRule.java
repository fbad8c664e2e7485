package dev.sluice.review.rules.types;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.NewColumns;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;

/** json columns, where jsonb is almost always wanted. */
public final class PreferJsonbRule extends AbstractRule {

    public PreferJsonbRule() {
        super("prefer-jsonb", Category.TYPES, Severity.INFO, RuleSet.DEFAULT,
                "json columns are re-parsed on every use and cannot be indexed; use jsonb");
    }

    @Override
    public void check(StatementContext context, Report report) {
        for (NewColumns.Declared declared : NewColumns.of(context)) {
            if (declared.column().type().name().equals("json")) {
                report.addAt(declared.offset(), declared.table() + "." + declared.column().name() + " is json: stored as"
                                + " text, parsed again on every access, with no equality operator and no GIN index.",
                        "Declare it as jsonb, unless key order and duplicate keys must be kept exactly.");
            }
        }
    }
}
