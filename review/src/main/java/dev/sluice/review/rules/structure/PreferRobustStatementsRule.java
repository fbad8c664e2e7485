package dev.sluice.review.rules.structure;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;
import java.util.Locale;

/**
 * In a file that does not run in one transaction, statements that fail when the file is run again
 * after a partial failure. (CREATE INDEX CONCURRENTLY is left alone: IF NOT EXISTS would keep an
 * INVALID index from a failed build; Sluice's runner drops such an index before retrying. An
 * unnamed index is left to naming-index: IF NOT EXISTS needs a name.)
 */
public final class PreferRobustStatementsRule extends AbstractRule {

    public PreferRobustStatementsRule() {
        super("prefer-robust-stmts", Category.STRUCTURE, Severity.INFO, RuleSet.DEFAULT,
                "Outside a transaction, statements should succeed when a half-applied file runs again",
                "prefer-robust-stmts");
    }

    @Override
    public void check(StatementContext context, Report report) {
        if (context.scope().inTransaction()) {
            return;
        }
        String problem = switch (context.statement()) {
            case Statement.CreateTable create when !create.ifNotExists() && !create.temporary()
                    -> "CREATE TABLE without IF NOT EXISTS";
            case Statement.CreateIndex index when !index.concurrently() && !index.ifNotExists() && index.name().isPresent()
                    -> "CREATE INDEX without IF NOT EXISTS";
            case Statement.DropIndex drop when !drop.ifExists() -> "DROP INDEX without IF EXISTS";
            case Statement.Drop drop when !drop.ifExists() -> "DROP " + drop.objectType().toUpperCase(Locale.ROOT)
                    + " without IF EXISTS";
            case Statement.AlterTable alter -> alterProblem(alter);
            default -> null;
        };
        if (problem != null) {
            report.add(problem + ": this file runs statement by statement, so after a failure half of it is applied, and"
                            + " running it again fails here.",
                    "Make the statement idempotent (IF NOT EXISTS / IF EXISTS), so the file can simply run again.");
        }
    }

    private static String alterProblem(Statement.AlterTable alter) {
        for (AlterAction action : alter.actions()) {
            if (action instanceof AlterAction.AddColumn add && !add.ifNotExists()) {
                return "ADD COLUMN without IF NOT EXISTS";
            }
            if (action instanceof AlterAction.DropColumn drop && !drop.ifExists()) {
                return "DROP COLUMN without IF EXISTS";
            }
        }
        return null;
    }
}
