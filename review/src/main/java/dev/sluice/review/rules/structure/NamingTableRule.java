package dev.sluice.review.rules.structure;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;
import java.util.regex.Pattern;

/** Table names that need double quotes forever: upper case, spaces or other characters outside [a-z0-9_]. */
public final class NamingTableRule extends AbstractRule {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

    public NamingTableRule() {
        super("naming-table", Category.STRUCTURE, Severity.WARNING, RuleSet.DEFAULT,
                "Table names should be lower-case snake_case, usable without double quotes");
    }

    @Override
    public void check(StatementContext context, Report report) {
        switch (context.statement()) {
            case Statement.CreateTable create -> checkName(create.table().name(), context.sql().start(), report);
            case Statement.AlterTable alter -> {
                for (AlterAction action : alter.actions()) {
                    if (action instanceof AlterAction.RenameTable rename) {
                        checkName(rename.to(), action.offset(), report);
                    }
                }
            }
            default -> {
            }
        }
    }

    private static void checkName(String name, int offset, Report report) {
        if (!PLAIN.matcher(name).matches()) {
            String suggestion = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase().replaceAll("[^a-z0-9_]+", "_");
            report.addAt(offset, "Table name \"" + name + "\" only works in double quotes, in every query, forever;"
                    + " unquoted, PostgreSQL folds it to lower case and finds nothing.", "Call it " + suggestion + ".");
        }
    }
}
