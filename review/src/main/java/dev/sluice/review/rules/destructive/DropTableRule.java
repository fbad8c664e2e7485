package dev.sluice.review.rules.destructive;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.QualifiedName;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;

/** DROP TABLE of a table that existed before the migrations: its data is gone. */
public final class DropTableRule extends AbstractRule {

    public DropTableRule() {
        super("drop-table", Category.DESTRUCTIVE, Severity.ERROR, RuleSet.RELAXED,
                "DROP TABLE deletes the table and its data; code still using it fails", "ban-drop-table");
    }

    @Override
    public void check(StatementContext context, Report report) {
        if (!(context.statement() instanceof Statement.Drop drop)
                || !(drop.objectType().equals("table") || drop.objectType().equals("foreign table"))) {
            return;
        }
        for (QualifiedName table : drop.names()) {
            if (!context.isNewTable(table)) {
                report.add("DROP TABLE " + table + " deletes the table and all its rows; any code or view still using it"
                                + " fails from that moment.",
                        "Drop a table only after a release in which nothing uses it (the contract step of"
                                + " expand/contract). To confirm, add -- sluice:ignore drop-table before the statement.");
            }
        }
    }
}
