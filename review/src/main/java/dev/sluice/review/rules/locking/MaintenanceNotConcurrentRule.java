package dev.sluice.review.rules.locking;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Cost;
import dev.sluice.review.rules.Locks;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.Rewrite;
import dev.sluice.review.rules.StatementContext;

/** REINDEX and DETACH PARTITION without CONCURRENTLY. */
public final class MaintenanceNotConcurrentRule extends AbstractRule {

    public MaintenanceNotConcurrentRule() {
        super("maintenance-not-concurrent", Category.LOCKING, Severity.WARNING, RuleSet.DEFAULT,
                "REINDEX or DETACH PARTITION without CONCURRENTLY blocks the table while it works");
    }

    @Override
    public void check(StatementContext context, Report report) {
        switch (context.statement()) {
            case Statement.Reindex reindex when !reindex.concurrently() && !reindex.target().equals("system")
                    && !(reindex.target().equals("table") && context.isNewTable(reindex.name())) -> {
                String hint = context.pgVersion() >= 12
                        ? "Rebuild without blocking writes, in a file of its own:\n"
                                + Rewrite.terminated(Rewrite.insertAfterWord(context.text(), reindex.target(), "CONCURRENTLY"))
                        : "Before PostgreSQL 12 there is no REINDEX CONCURRENTLY: build a replacement with CREATE INDEX"
                                + " CONCURRENTLY, then drop the old index.";
                (reindex.target().equals("table") ? report.about(reindex.name(), Cost.INDEX_BUILD) : report)
                        .add("REINDEX " + reindex.target().toUpperCase() + " " + reindex.name() + " blocks writes to the"
                        + " table and reads that use the index while it rebuilds.", hint);
            }
            case Statement.AlterTable alter -> {
                for (AlterAction action : alter.actions()) {
                    if (action instanceof AlterAction.DetachPartition detach && !detach.concurrently() && !detach.finalizing()
                            && !context.isNewTable(alter.table())) {
                        report.addAt(action.offset(), "DETACH PARTITION " + detach.partition() + " takes "
                                        + Locks.ACCESS_EXCLUSIVE + " on " + alter.table() + ".",
                                context.pgVersion() >= 14
                                        ? "Use DETACH PARTITION " + detach.partition() + " CONCURRENTLY (PostgreSQL 14+;"
                                                + " not in a transaction), which takes " + Locks.SHARE_UPDATE_EXCLUSIVE + "."
                                        : "DETACH PARTITION CONCURRENTLY needs PostgreSQL 14; before that, run it when"
                                                + " the table is quiet.");
                    }
                }
            }
            default -> {
            }
        }
    }
}
