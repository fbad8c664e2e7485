package dev.sluice.review.rules.data;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Cost;
import dev.sluice.review.rules.Locks;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;

/** An UPDATE of a table altered earlier in the same transaction: the ALTER's lock is held through the backfill. */
public final class BackfillInDdlTransactionRule extends AbstractRule {

    public BackfillInDdlTransactionRule() {
        super("backfill-in-ddl-transaction", Category.DATA, Severity.WARNING, RuleSet.DEFAULT,
                "An UPDATE of a table altered earlier in the same transaction keeps the ALTER's lock through the backfill");
    }

    @Override
    public void check(StatementContext context, Report report) {
        if (context.statement() instanceof Statement.Update update && context.scope().inTransaction()
                && !context.isNewTable(update.table())
                && context.state().alteredInTransaction(update.table(), context.scope().transaction())) {
            report.about(update.table(), Cost.REWRITE).add("UPDATE " + update.table() + " runs in the transaction that altered " + update.table() + ": "
                            + Locks.ACCESS_EXCLUSIVE + " taken by ALTER TABLE is held until the backfill commits.",
                    "Commit the schema change first: move the UPDATE to a later migration file, and run large backfills"
                            + " in batches.");
        }
    }
}
