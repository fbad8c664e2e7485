package dev.sluice.review.rules.locking;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.QualifiedName;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Locks;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.Rewrite;
import dev.sluice.review.rules.StatementContext;
import java.util.stream.Collectors;

/** DROP INDEX without CONCURRENTLY on an index that existed before the migrations. */
public final class DropIndexNotConcurrentRule extends AbstractRule {

    public DropIndexNotConcurrentRule() {
        super("drop-index-not-concurrent", Category.LOCKING, Severity.WARNING, RuleSet.DEFAULT,
                "DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the index's table",
                "require-concurrent-index-deletion");
    }

    @Override
    public void check(StatementContext context, Report report) {
        if (!(context.statement() instanceof Statement.DropIndex drop) || drop.concurrently()
                || drop.indexes().stream().allMatch(context.state()::isIndexOnNewTable)) {
            return;
        }
        String names = drop.indexes().stream().map(QualifiedName::toString).collect(Collectors.joining(", "));
        String hint = drop.indexes().size() == 1 && !drop.cascade()
                ? "Drop it with CONCURRENTLY, in a file of its own (it cannot run in a transaction):\n"
                        + Rewrite.terminated(Rewrite.insertAfterWord(context.text(), "index", "CONCURRENTLY"))
                : "DROP INDEX CONCURRENTLY takes one index and no CASCADE: drop each index in its own statement,"
                        + " in a file of its own.";
        report.add("DROP INDEX " + names + " takes " + Locks.ACCESS_EXCLUSIVE + " on its table; while it waits"
                + " for a long-running query, every later query on the table queues behind it.", hint);
    }
}
