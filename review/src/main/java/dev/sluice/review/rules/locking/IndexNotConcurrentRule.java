package dev.sluice.review.rules.locking;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Cost;
import dev.sluice.review.rules.Locks;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.Rewrite;
import dev.sluice.review.rules.StatementContext;

/** CREATE INDEX without CONCURRENTLY on a table that already exists. */
public final class IndexNotConcurrentRule extends AbstractRule {

    public IndexNotConcurrentRule() {
        super("index-not-concurrent", Category.LOCKING, Severity.ERROR, RuleSet.RELAXED,
                "CREATE INDEX without CONCURRENTLY blocks writes to an existing table for the whole build",
                "require-concurrent-index", "require-concurrent-index-creation");
    }

    @Override
    public void check(StatementContext context, Report report) {
        if (!(context.statement() instanceof Statement.CreateIndex index) || index.concurrently()
                || context.isNewTable(index.table()) || context.state().isNewView(index.table())) {
            return;
        }
        report.about(index.table(), Cost.INDEX_BUILD).add("CREATE INDEX " + index.name().map(name -> name + " ").orElse("") + "on " + index.table()
                        + " takes " + Locks.SHARE + " on " + index.table() + " until the index is built;"
                        + " the build reads the whole table.",
                "Build it with CONCURRENTLY, which lets writes go on (it cannot run in a transaction, so keep it in"
                        + " a file of its own; Sluice runs such a file statement by statement):\n"
                        + Rewrite.terminated(Rewrite.insertAfterWord(context.text(), "index", "CONCURRENTLY")));
    }
}
