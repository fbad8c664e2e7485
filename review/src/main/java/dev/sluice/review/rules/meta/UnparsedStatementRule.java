package dev.sluice.review.rules.meta;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;

/** A statement the review could not read, so no rule judged it. */
public final class UnparsedStatementRule extends AbstractRule {

    public UnparsedStatementRule() {
        super("unparsed-statement", Category.META, Severity.INFO, RuleSet.RELAXED,
                "A statement the review could not read was not checked");
    }

    @Override
    public void check(StatementContext context, Report report) {
        if (context.statement() instanceof Statement.Unreadable unreadable
                && SyntaxErrorRule.missingSemicolonBefore(context.file(), context.index()).isEmpty()) {
            report.add("The review could not read this statement, so no rule checked it (" + unreadable.reason() + ").",
                    "Check it by hand; if it is valid PostgreSQL, please report it so the review learns the form.");
        }
    }
}
