package dev.sluice.review.rules.locking;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Locks;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.Rewrite;
import dev.sluice.review.rules.StatementContext;

/** REFRESH MATERIALIZED VIEW without CONCURRENTLY: readers of the view wait for the whole refresh. */
public final class RefreshMatviewBlockingRule extends AbstractRule {

    public RefreshMatviewBlockingRule() {
        super("refresh-matview-blocking", Category.LOCKING, Severity.WARNING, RuleSet.DEFAULT,
                "REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks reads of the view until it finishes");
    }

    @Override
    public void check(StatementContext context, Report report) {
        if (context.statement() instanceof Statement.RefreshMaterializedView refresh && !refresh.concurrently()
                && !context.state().isNewView(refresh.view())) {
            report.add("REFRESH MATERIALIZED VIEW " + refresh.view() + " takes " + Locks.ACCESS_EXCLUSIVE + " on the view"
                            + " for the whole refresh.",
                    "Refresh it concurrently (the view needs a unique index):\n"
                            + Rewrite.terminated(Rewrite.insertAfterWord(context.text(), "view", "CONCURRENTLY")));
        }
    }
}
