package dev.sluice.review.rules.structure;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;

/** CREATE INDEX without a name: PostgreSQL makes one up, and later migrations cannot name it reliably. */
public final class NamingIndexRule extends AbstractRule {

    public NamingIndexRule() {
        super("naming-index", Category.STRUCTURE, Severity.INFO, RuleSet.DEFAULT,
                "Indexes should be named explicitly, so later migrations and drift reports can refer to them");
    }

    @Override
    public void check(StatementContext context, Report report) {
        if (context.statement() instanceof Statement.CreateIndex index && index.name().isEmpty()) {
            String suggested = index.table().name() + "_" + String.join("_", index.columns()) + (index.unique() ? "_key" : "_idx");
            report.add("This index on " + index.table() + " has no name: PostgreSQL generates one, which later migrations"
                            + " (DROP INDEX, REINDEX) have to guess.",
                    "Name it, for example: CREATE INDEX " + (index.concurrently() ? "CONCURRENTLY " : "") + suggested
                            + " ON " + index.table() + " (...);");
        }
    }
}
