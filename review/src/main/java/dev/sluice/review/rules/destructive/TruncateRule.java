package dev.sluice.review.rules.destructive;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.QualifiedName;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Locks;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;
import java.util.stream.Collectors;

/** TRUNCATE of tables that existed before the migrations. */
public final class TruncateRule extends AbstractRule {

    public TruncateRule() {
        super("truncate", Category.DESTRUCTIVE, Severity.ERROR, RuleSet.RELAXED,
                "TRUNCATE deletes every row under an ACCESS EXCLUSIVE lock", "ban-truncate");
    }

    @Override
    public void check(StatementContext context, Report report) {
        if (context.statement() instanceof Statement.Truncate truncate
                && !truncate.tables().stream().allMatch(context::isNewTable)) {
            String tables = truncate.tables().stream().map(QualifiedName::toString).collect(Collectors.joining(", "));
            report.add("TRUNCATE " + tables + " deletes every row while holding " + Locks.ACCESS_EXCLUSIVE + ".",
                    "If the data must go, confirm with -- sluice:ignore truncate; to remove only some rows, use DELETE"
                            + " in batches.");
        }
    }
}
