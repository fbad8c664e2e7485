package dev.sluice.review.rules.transactions;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.TransactionModel;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.FileContext;
import dev.sluice.review.rules.Report;

/** BEGIN inside an open transaction, and COMMIT or ROLLBACK that ends a transaction the file did not open. */
public final class TransactionNestingRule extends AbstractRule {

    public TransactionNestingRule() {
        super("transaction-nesting", Category.TRANSACTIONS, Severity.ERROR, RuleSet.RELAXED,
                "BEGIN inside a transaction is ignored, and COMMIT inside Sluice's transaction breaks the file's atomicity");
    }

    @Override
    public void finish(FileContext file, Report report) {
        boolean runner = file.plan().transactional();
        for (int statement : file.plan().nestedBegins()) {
            report.addInFile(statement, file.sql(statement).start(), runner && file.model() == TransactionModel.SLUICE
                            ? "BEGIN inside the transaction Sluice already runs this file in: PostgreSQL ignores it with a"
                                    + " warning, and the COMMIT that goes with it ends Sluice's transaction early."
                            : "BEGIN while a transaction is already open: PostgreSQL ignores it with a warning.",
                    file.model() == TransactionModel.SLUICE
                            ? "Remove BEGIN and COMMIT: Sluice runs each file in one transaction by itself."
                            : "Remove the inner BEGIN.");
        }
        for (int statement : file.plan().strayEnds()) {
            report.addInFile(statement, file.sql(statement).start(), runner
                            ? "COMMIT ends the transaction Sluice runs this file in: the statements after it are no longer"
                                    + " atomic with those before, and a failure leaves the file half-applied."
                            : "COMMIT or ROLLBACK with no transaction open: PostgreSQL warns and does nothing.",
                    "Remove it; Sluice commits the file when every statement has succeeded.");
        }
    }
}
