package dev.sluice.review.rules.types;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.NewColumns;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;

/** timestamp without time zone columns. */
public final class PreferTimestamptzRule extends AbstractRule {

    public PreferTimestamptzRule() {
        super("prefer-timestamptz", Category.TYPES, Severity.WARNING, RuleSet.DEFAULT,
                "timestamp without time zone loses the offset; use timestamptz", "prefer-timestamp-tz");
    }

    @Override
    public void check(StatementContext context, Report report) {
        for (NewColumns.Declared declared : NewColumns.of(context)) {
            var type = declared.column().type();
            if (type.name().equals("timestamp") || type.name().equals("time")) {
                report.addAt(declared.offset(), declared.table() + "." + declared.column().name() + " is " + type
                                + " without time zone: values are stored as wall-clock time and mean different instants"
                                + " for clients in different time zones.",
                        "Declare it as " + (type.name().equals("time") ? "timetz, or store a timestamptz" : "timestamptz")
                                + "; it stores an instant and shows it in each session's time zone.");
            }
        }
    }
}
