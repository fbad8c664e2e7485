package dev.sluice.review.rules.data;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Cost;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;

/** DELETE with no WHERE on an existing table. */
public final class DeleteWithoutWhereRule extends AbstractRule {

    public DeleteWithoutWhereRule() {
        super("delete-without-where", Category.DATA, Severity.WARNING, RuleSet.DEFAULT,
                "DELETE without WHERE removes every row in one transaction");
    }

    @Override
    public void check(StatementContext context, Report report) {
        if (context.statement() instanceof Statement.Delete delete && !delete.hasWhere() && !context.isNewTable(delete.table())) {
            report.about(delete.table(), Cost.SCAN).add("DELETE FROM " + delete.table() + " has no WHERE: it removes every row in one transaction, locking each"
                            + " until it commits.",
                    "If every row must go, say so with -- sluice:ignore delete-without-where; otherwise add the WHERE"
                            + " clause, and delete large sets in batches.");
        }
    }
}
