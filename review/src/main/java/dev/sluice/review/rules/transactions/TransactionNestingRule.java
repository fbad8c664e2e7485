package dev.sluice.review.rules.transactions;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.TransactionModel;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.FileContext;
import dev.sluice.review.rules.Report;
import java.util.List;

/** BEGIN inside an open transaction, and COMMIT or ROLLBACK that ends a transaction the file did not open. */
public final class TransactionNestingRule extends AbstractRule {

    public TransactionNestingRule() {
        super("transaction-nesting", Category.TRANSACTIONS, Severity.ERROR, RuleSet.RELAXED,
                "BEGIN inside a transaction is ignored, and COMMIT inside Sluice's transaction breaks the file's atomicity");
    }

    @Override
    public void finish(FileContext file, Report report) {
        List<Integer> strayEnds = file.plan().strayEnds();
        // Sluice's own transaction lasts until the first stray COMMIT or ROLLBACK ends it.
        boolean runner = file.plan().transactional() && file.model() == TransactionModel.SLUICE;
        int runnerEnd = runner ? strayEnds.stream().findFirst().orElse(file.statements().size()) : -1;
        for (int statement : file.plan().nestedBegins()) {
            boolean insideRunner = statement < runnerEnd;
            report.addInFile(statement, file.sql(statement).start(), insideRunner
                            ? "BEGIN inside the transaction Sluice already runs this file in: PostgreSQL ignores it with a"
                                    + " warning, and the COMMIT that goes with it ends Sluice's transaction early."
                            : "BEGIN while a transaction is already open: PostgreSQL ignores it with a warning, and the"
                                    + " first COMMIT then ends the outer transaction.",
                    insideRunner
                            ? "Remove BEGIN and COMMIT: Sluice runs each file in one transaction by itself."
                            : "Remove the inner BEGIN.");
        }
        for (int statement : strayEnds) {
            boolean rollback = file.statements().get(statement) instanceof Statement.Transaction transaction
                    && transaction.control() == Statement.Transaction.Control.ROLLBACK;
            String message;
            if (statement == runnerEnd) {
                message = rollback
                        ? "ROLLBACK inside the transaction Sluice runs this file in undoes every statement before it, and"
                                + " the statements after it run on their own, outside any transaction."
                        : "COMMIT ends the transaction Sluice runs this file in: the statements after it are no longer"
                                + " atomic with those before, and a failure leaves the file half-applied.";
            } else {
                message = (rollback ? "ROLLBACK" : "COMMIT") + " with no transaction open: PostgreSQL warns and does nothing;"
                        + " the statements before it were not in the transaction it seems to end.";
            }
            report.addInFile(statement, file.sql(statement).start(), message, runner
                    ? "Remove it; Sluice commits the file when every statement has succeeded."
                    : "Remove it, or put the BEGIN it belongs to before the statements it should group.");
        }
    }
}
