package dev.sluice.review.rules.session;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.TransactionModel;
import dev.sluice.review.model.QualifiedName;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.LockTimeoutTracker;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.ReviewState;
import dev.sluice.review.rules.StatementContext;
import dev.sluice.review.transaction.TransactionPlan;
import java.util.List;
import java.util.Optional;

/**
 * A lock-taking statement on an existing table with no lock_timeout set before it. Only for files
 * run by psql or other tools: Sluice's runner sets lock_timeout itself.
 */
public final class MissingLockTimeoutRule extends AbstractRule {

    public MissingLockTimeoutRule() {
        super("missing-lock-timeout", Category.SESSION, Severity.WARNING, RuleSet.DEFAULT,
                "DDL without SET lock_timeout can queue behind a long query and block every query after it",
                "require-timeout-settings");
    }

    @Override
    public void check(StatementContext context, Report report) {
        if (context.file().model() != TransactionModel.PSQL || context.state().lockTimeoutSet()) {
            return;
        }
        Optional<String> table = lockedTable(context.statement(), context.state());
        if (table.isEmpty() || firstReportedBefore(context)) {
            return;
        }
        report.add("No lock_timeout is set before this statement locks " + table.get() + ": if a long-running query holds"
                        + " that table, this statement waits, and every query after it on the table queues behind it.",
                "Start the file with SET lock_timeout = '5s'; (and retry on failure), or run it with Sluice, which sets"
                        + " one for every migration.");
    }

    /** Reports once per file: for the first lock-taking statement that runs without a timeout. */
    private static boolean firstReportedBefore(StatementContext context) {
        List<Statement> statements = context.file().statements();
        LockTimeoutTracker timeout = new LockTimeoutTracker();
        for (int i = 0; i < context.index(); i++) {
            TransactionPlan.Scope scope = context.file().plan().scope(i);
            if (!timeout.inForce(scope.transaction(), scope.inTransaction())
                    && lockedTable(statements.get(i), context.state()).isPresent()) {
                return true;
            }
            timeout.apply(statements.get(i), scope.transaction(), scope.inTransaction());
        }
        return false;
    }

    /**
     * The existing object the statement waits to lock: the first table (or, for DROP INDEX, index) that
     * the migrations did not create. A lock on a new object is never contended.
     */
    private static Optional<String> lockedTable(Statement statement, ReviewState state) {
        return switch (statement) {
            case Statement.AlterTable alter -> existingTable(List.of(alter.table()), state);
            case Statement.CreateIndex index when !index.concurrently() -> existingTable(List.of(index.table()), state);
            case Statement.Truncate truncate -> existingTable(truncate.tables(), state);
            case Statement.Drop drop when drop.objectType().equals("table") -> existingTable(drop.names(), state);
            case Statement.DropIndex drop when !drop.concurrently() -> drop.indexes().stream()
                    .filter(index -> !state.isIndexOnNewTable(index))
                    .findFirst()
                    .map(index -> "the table of index " + index);
            default -> Optional.empty();
        };
    }

    private static Optional<String> existingTable(List<QualifiedName> tables, ReviewState state) {
        return tables.stream().filter(name -> !state.isNewTable(name)).findFirst().map(QualifiedName::toString);
    }
}
