package dev.sluice.review.rules.transactions;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.TransactionModel;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.FileContext;
import dev.sluice.review.rules.Report;
import dev.sluice.review.transaction.TransactionClassifier;
import dev.sluice.review.transaction.TransactionPlan;

/** A file mixing a statement that cannot run in a transaction with others that then lose their atomicity. */
public final class MixedTransactionalStatementsRule extends AbstractRule {

    public MixedTransactionalStatementsRule() {
        super("mixed-transactional-statements", Category.TRANSACTIONS, Severity.WARNING, RuleSet.DEFAULT,
                "A statement that cannot run in a transaction makes the whole file run statement by statement");
    }

    @Override
    public void finish(FileContext file, Report report) {
        if (file.model() != TransactionModel.SLUICE || file.plan().blocker().isEmpty()
                || file.plan().blocker().get().statement() < 0) {
            return;
        }
        TransactionPlan.Blocker blocker = file.plan().blocker().get();
        long others = 0;
        for (Statement statement : file.statements()) {
            if (changesSchemaOrData(statement)
                    && TransactionClassifier.whyNotTransactional(statement, file.pgVersion()).isEmpty()) {
                others++;
            }
        }
        if (others == 0) {
            return;
        }
        int line = file.source().line(file.sql(blocker.statement()).start());
        report.addInFile(blocker.statement(), file.sql(blocker.statement()).start(),
                blocker.reason() + " (line " + line + "), so Sluice runs this file's statements one by one: if one of the "
                        + others + " other statement" + (others == 1 ? "" : "s") + " fails, those before it stay applied.",
                "Put the non-transactional statement in a file of its own, and keep the rest in files that run in one"
                        + " transaction.");
    }

    private static boolean changesSchemaOrData(Statement statement) {
        return !(statement instanceof Statement.SetParameter || statement instanceof Statement.Transaction
                || statement instanceof Statement.Known known && (known.kind().equals("select") || known.kind().equals("comment")
                        || known.kind().equals("analyze") || known.kind().equals("empty")));
    }
}
