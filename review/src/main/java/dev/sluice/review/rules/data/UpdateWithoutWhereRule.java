package dev.sluice.review.rules.data;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Cost;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;

/** UPDATE with no WHERE on an existing table: every row, in one transaction. */
public final class UpdateWithoutWhereRule extends AbstractRule {

    public UpdateWithoutWhereRule() {
        super("update-without-where", Category.DATA, Severity.WARNING, RuleSet.DEFAULT,
                "UPDATE without WHERE changes every row in one transaction, locking them all");
    }

    @Override
    public void check(StatementContext context, Report report) {
        if (context.statement() instanceof Statement.Update update && !update.hasWhere() && !context.isNewTable(update.table())) {
            report.about(update.table(), Cost.REWRITE).add("UPDATE " + update.table() + " has no WHERE: it rewrites every row in one transaction, holding a"
                            + " row lock on each until it commits (blocking other writers) and leaving a dead copy of every row.",
                    "Update in batches, each in its own transaction (for example by primary-key ranges), from a file"
                            + " with -- sluice:transaction off; or confirm with -- sluice:ignore update-without-where.");
        }
    }
}
