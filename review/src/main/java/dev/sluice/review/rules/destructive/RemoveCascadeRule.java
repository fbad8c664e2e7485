package dev.sluice.review.rules.destructive;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;
import dev.sluice.review.sql.Token;
import dev.sluice.review.sql.TokenKind;
import java.util.List;
import java.util.Locale;

/** CASCADE on DROP or TRUNCATE: it also removes objects or rows the migration does not name. */
public final class RemoveCascadeRule extends AbstractRule {

    private static final String HINT = "Name each dependent object and drop it explicitly, so the review shows what goes;"
            + " without CASCADE PostgreSQL refuses and lists the dependents.";

    public RemoveCascadeRule() {
        super("remove-cascade", Category.DESTRUCTIVE, Severity.WARNING, RuleSet.DEFAULT,
                "DROP ... CASCADE and TRUNCATE ... CASCADE also remove objects or rows the migration does not name",
                "ban-drop-cascade");
    }

    @Override
    public void check(StatementContext context, Report report) {
        switch (context.statement()) {
            case Statement.Drop drop when drop.cascade() -> report.add("DROP " + drop.objectType().toUpperCase() + " ... CASCADE"
                    + " also drops every view, constraint and other object that depends on it, unnamed here.", HINT);
            case Statement.DropIndex drop when drop.cascade() -> report.add("DROP INDEX ... CASCADE also drops the"
                    + " constraints that depend on the index.", HINT);
            case Statement.Truncate truncate when truncate.cascade() -> report.add("TRUNCATE ... CASCADE also empties every"
                    + " table with a foreign key to the truncated ones.", HINT);
            case Statement.AlterTable alter -> {
                for (AlterAction action : alter.actions()) {
                    if (action instanceof AlterAction.DropColumn drop && drop.cascade()
                            || action instanceof AlterAction.DropConstraint constraint && constraint.cascade()) {
                        report.addAt(action.offset(), "ALTER TABLE " + alter.table() + " DROP ... CASCADE also drops the"
                                + " views and constraints that depend on it.", HINT);
                    }
                }
            }
            case Statement.Known known when known.kind().startsWith("drop ") && topLevelCascade(context.sql().body()) ->
                    report.add(known.kind().toUpperCase(Locale.ROOT) + " ... CASCADE also drops every object that depends"
                            + " on what it drops (triggers, defaults, views ...), unnamed here.", HINT);
            default -> {
            }
        }
    }

    /** DROP FUNCTION, DROP TRIGGER, DROP OWNED ... are read without their parts: look for CASCADE outside parentheses. */
    private static boolean topLevelCascade(List<Token> tokens) {
        int depth = 0;
        for (Token token : tokens) {
            if (token.kind() == TokenKind.LEFT_PAREN) {
                depth++;
            } else if (token.kind() == TokenKind.RIGHT_PAREN) {
                depth--;
            } else if (depth == 0 && token.isWord("cascade")) {
                return true;
            }
        }
        return false;
    }
}
