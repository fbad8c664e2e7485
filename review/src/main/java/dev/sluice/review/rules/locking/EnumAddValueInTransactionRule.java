package dev.sluice.review.rules.locking;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;

/** ALTER TYPE ... ADD VALUE inside a transaction block, which PostgreSQL before 12 refuses. */
public final class EnumAddValueInTransactionRule extends AbstractRule {

    public EnumAddValueInTransactionRule() {
        super("enum-add-value-in-transaction", Category.LOCKING, Severity.ERROR, RuleSet.RELAXED,
                "ALTER TYPE ... ADD VALUE cannot run inside a transaction block before PostgreSQL 12");
    }

    @Override
    public void check(StatementContext context, Report report) {
        if (context.statement() instanceof Statement.AlterTypeAddValue add && context.pgVersion() < 12
                && context.scope().inTransaction()) {
            report.add("ALTER TYPE " + add.type() + " ADD VALUE '" + add.value() + "' runs inside a transaction block, which"
                            + " PostgreSQL " + context.pgVersion() + " refuses (SQLSTATE 25001).",
                    "Move it out of the BEGIN ... COMMIT block, into a file of its own, or target PostgreSQL 12+.");
        }
    }
}
