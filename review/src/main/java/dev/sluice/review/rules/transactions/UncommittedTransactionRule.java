package dev.sluice.review.rules.transactions;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.FileContext;
import dev.sluice.review.rules.Report;

/** An explicit BEGIN with no COMMIT by the end of the file. */
public final class UncommittedTransactionRule extends AbstractRule {

    public UncommittedTransactionRule() {
        super("uncommitted-transaction", Category.TRANSACTIONS, Severity.ERROR, RuleSet.RELAXED,
                "A BEGIN with no COMMIT by the end of the file: the work is rolled back when the session ends");
    }

    @Override
    public void finish(FileContext file, Report report) {
        file.plan().unclosedBegin().ifPresent(statement -> report.addInFile(statement, file.sql(statement).start(),
                "This BEGIN is never committed: when the session ends, everything after it is rolled back.",
                "Add COMMIT; at the end of the file."));
    }
}
