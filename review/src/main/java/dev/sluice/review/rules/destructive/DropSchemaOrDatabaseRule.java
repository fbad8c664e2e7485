package dev.sluice.review.rules.destructive;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.QualifiedName;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;
import java.util.stream.Collectors;

/** DROP SCHEMA or DROP DATABASE. */
public final class DropSchemaOrDatabaseRule extends AbstractRule {

    public DropSchemaOrDatabaseRule() {
        super("drop-schema-or-database", Category.DESTRUCTIVE, Severity.ERROR, RuleSet.RELAXED,
                "DROP SCHEMA or DROP DATABASE removes everything in it");
    }

    @Override
    public void check(StatementContext context, Report report) {
        if (context.statement() instanceof Statement.Drop drop
                && (drop.objectType().equals("schema") || drop.objectType().equals("database"))) {
            String names = drop.names().stream().map(QualifiedName::toString).collect(Collectors.joining(", "));
            report.add("DROP " + drop.objectType().toUpperCase() + " " + names + " removes every object and row in it.",
                    "A migration should not drop a whole " + drop.objectType() + "; if this is intended, confirm with"
                            + " -- sluice:ignore drop-schema-or-database.");
        }
    }
}
