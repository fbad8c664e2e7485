package dev.sluice.review.rules.session;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.TransactionModel;
import dev.sluice.review.model.QualifiedName;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.ReviewState;
import dev.sluice.review.rules.StatementContext;
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
        Optional<QualifiedName> table = lockedTable(context.statement(), context.state());
        if (table.isEmpty() || firstReportedBefore(context)) {
            return;
        }
        report.add("No lock_timeout is set before this statement locks " + table.get() + ": if a long-running query holds"
                        + " the table, this statement waits, and every query after it on " + table.get() + " queues behind it.",
                "Start the file with SET lock_timeout = '5s'; (and retry on failure), or run it with Sluice, which sets"
                        + " one for every migration.");
    }

    /** Reports once per file: only for the first lock-taking statement. */
    private static boolean firstReportedBefore(StatementContext context) {
        List<Statement> statements = context.file().statements();
        for (int i = 0; i < context.index(); i++) {
            if (lockedTable(statements.get(i), context.state()).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<QualifiedName> lockedTable(Statement statement, ReviewState state) {
        Optional<QualifiedName> table = switch (statement) {
            case Statement.AlterTable alter -> Optional.of(alter.table());
            case Statement.CreateIndex index when !index.concurrently() -> Optional.of(index.table());
            case Statement.Truncate truncate -> Optional.of(truncate.tables().getFirst());
            case Statement.Drop drop when drop.objectType().equals("table") -> Optional.of(drop.names().getFirst());
            default -> Optional.empty();
        };
        return table.filter(name -> !state.isNewTable(name));
    }
}
