package dev.sluice.review.rules;

import dev.sluice.review.ReviewOptions;
import dev.sluice.review.TransactionModel;
import dev.sluice.review.directive.Directives;
import dev.sluice.review.model.Statement;
import dev.sluice.review.sql.SourceText;
import dev.sluice.review.sql.SplitFile;
import dev.sluice.review.sql.SqlStatement;
import dev.sluice.review.transaction.TransactionPlan;
import java.util.List;

/** One file under review: its statements as read, how they group into transactions, and the options. */
public record FileContext(
        String path,
        SplitFile split,
        List<Statement> statements,
        Directives directives,
        TransactionPlan plan,
        ReviewOptions options) {

    public FileContext {
        statements = List.copyOf(statements);
    }

    public SourceText source() {
        return split.source();
    }

    public SqlStatement sql(int index) {
        return split.statements().get(index);
    }

    public String text(int index) {
        return sql(index).text(source());
    }

    public int pgVersion() {
        return options.pgVersion();
    }

    public TransactionModel model() {
        return options.model();
    }
}
