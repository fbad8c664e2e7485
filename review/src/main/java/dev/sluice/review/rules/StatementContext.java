package dev.sluice.review.rules;

import dev.sluice.review.model.QualifiedName;
import dev.sluice.review.model.Statement;
import dev.sluice.review.schema.TableInfo;
import dev.sluice.review.sql.SqlStatement;
import dev.sluice.review.transaction.TransactionPlan;
import java.util.List;
import java.util.Optional;

/**
 * The statement a rule is looking at, with what came before it ({@link #state()}) and where it
 * runs ({@link #scope()}).
 */
public record StatementContext(FileContext file, int index, ReviewState state) {

    public Statement statement() {
        return file.statements().get(index);
    }

    public SqlStatement sql() {
        return file.sql(index);
    }

    public String text() {
        return file.text(index);
    }

    public TransactionPlan.Scope scope() {
        return file.plan().scope(index);
    }

    public int pgVersion() {
        return file.pgVersion();
    }

    /** Whether the table is created by the migrations under review, before this statement: new and empty. */
    public boolean isNewTable(QualifiedName table) {
        return state.isNewTable(table);
    }

    /** The live table, when a schema catalog was given and knows it. */
    public Optional<TableInfo> liveTable(QualifiedName table) {
        return file.options().schema().table(table);
    }

    /** Statements after this one in the same file. */
    public List<Statement> following() {
        return file.statements().subList(index + 1, file.statements().size());
    }

    /** Whether a later statement (by index) runs in the same transaction as this one. */
    public boolean sameTransactionAs(int other) {
        return file.plan().sameTransaction(index, other);
    }
}
