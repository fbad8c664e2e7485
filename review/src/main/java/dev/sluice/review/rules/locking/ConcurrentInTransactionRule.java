package dev.sluice.review.rules.locking;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;
import dev.sluice.review.transaction.TransactionClassifier;

/** A statement that cannot run in a transaction block, placed inside one: it fails with SQLSTATE 25001. */
public final class ConcurrentInTransactionRule extends AbstractRule {

    public ConcurrentInTransactionRule() {
        super("concurrent-in-transaction", Category.LOCKING, Severity.ERROR, RuleSet.RELAXED,
                "CREATE INDEX CONCURRENTLY and other non-transactional commands fail inside a transaction block");
    }

    @Override
    public void check(StatementContext context, Report report) {
        Statement statement = context.statement();
        if (!context.scope().inTransaction() || statement instanceof Statement.AlterTypeAddValue) {
            return; // ADD VALUE before PostgreSQL 12 is enum-add-value-in-transaction's to report
        }
        TransactionClassifier.whyNotTransactional(statement, context.pgVersion()).ifPresent(command -> report.add(
                command + " cannot run inside a transaction block: it fails with SQLSTATE 25001 (active_sql_transaction)"
                        + " here, because an explicit BEGIN earlier in the file is still open.",
                "Move it out of the BEGIN ... COMMIT block, into a file of its own."));
    }
}
