package dev.sluice.review.rules.locking;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.QualifiedName;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Cost;
import dev.sluice.review.rules.Locks;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;
import java.util.stream.Collectors;

/**
 * VACUUM FULL, CLUSTER, SET LOGGED/UNLOGGED, SET ACCESS METHOD and SET TABLESPACE: whole-table
 * rewrites. Tables the migrations created are new and unused, so rewriting them is not reported.
 */
public final class RewriteTableCommandRule extends AbstractRule {

    private static final String ONLINE = "Run it outside the deployment (pg_repack or pg_squeeze rewrite a table online),"
            + " or acknowledge a maintenance window with -- sluice:ignore rewrite-table-command.";

    public RewriteTableCommandRule() {
        super("rewrite-table-command", Category.LOCKING, Severity.ERROR, RuleSet.DEFAULT,
                "VACUUM FULL, CLUSTER and SET LOGGED/UNLOGGED/ACCESS METHOD/TABLESPACE rewrite the table under an ACCESS EXCLUSIVE lock",
                "ban-vacuum-full");
    }

    @Override
    public void check(StatementContext context, Report report) {
        switch (context.statement()) {
            case Statement.Vacuum vacuum when vacuum.full() && !allNew(context, vacuum) -> (vacuum.tables().size() == 1
                    ? report.about(vacuum.tables().getFirst(), Cost.REWRITE) : report).add("VACUUM FULL "
                    + (vacuum.tables().isEmpty() ? "of every table" : vacuum.tables().stream().map(QualifiedName::toString)
                            .collect(Collectors.joining(", ")))
                    + " rewrites each table while holding " + Locks.ACCESS_EXCLUSIVE + ".", ONLINE);
            case Statement.Cluster cluster when cluster.table().map(table -> !context.isNewTable(table)).orElse(true) ->
                cluster.table().map(table -> report.about(table, Cost.REWRITE)).orElse(report).add("CLUSTER " + cluster.table().map(QualifiedName::toString).orElse("")
                    + " rewrites the table in index order while holding " + Locks.ACCESS_EXCLUSIVE + ".", ONLINE);
            case Statement.AlterTable alter when !context.isNewTable(alter.table()) -> {
                for (AlterAction action : alter.actions()) {
                    if (action instanceof AlterAction.RewriteTable rewrite) {
                        report.about(alter.table(), Cost.REWRITE).addAt(action.offset(), "ALTER TABLE " + alter.table() + " " + rewrite.command()
                                + " rewrites the whole table while holding " + Locks.ACCESS_EXCLUSIVE + ".", ONLINE);
                    }
                }
            }
            default -> {
            }
        }
    }

    /** VACUUM FULL of named tables that the migrations created: they are new, nobody waits for them. */
    private static boolean allNew(StatementContext context, Statement.Vacuum vacuum) {
        return !vacuum.tables().isEmpty() && vacuum.tables().stream().allMatch(context::isNewTable);
    }
}
