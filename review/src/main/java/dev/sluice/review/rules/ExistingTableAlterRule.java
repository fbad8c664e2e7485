package dev.sluice.review.rules;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.Statement;

/**
 * A rule about ALTER TABLE sub-commands on tables that existed before the migrations. Tables the
 * migrations created are new and empty, so what would block or rewrite them costs nothing.
 */
public abstract class ExistingTableAlterRule extends AbstractRule {

    protected ExistingTableAlterRule(String id, Category category, Severity defaultSeverity, RuleSet enabledFrom,
            String summary, String... aliases) {
        super(id, category, defaultSeverity, enabledFrom, summary, aliases);
    }

    @Override
    public final void check(StatementContext context, Report report) {
        if (context.statement() instanceof Statement.AlterTable alter && !context.isNewTable(alter.table())) {
            for (AlterAction action : alter.actions()) {
                checkAction(context, alter, action, report);
            }
        }
    }

    protected abstract void checkAction(StatementContext context, Statement.AlterTable alter, AlterAction action, Report report);
}
