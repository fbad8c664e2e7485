package dev.sluice.review.rules.structure;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.QualifiedName;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;
import java.util.Optional;
import java.util.Set;

/** Object names without a schema, resolved through the session's search_path. Off unless enabled (strict). */
public final class RequireSchemaQualifiedRule extends AbstractRule {

    /** DROP object types that live in a schema (extensions, roles, schemas, languages ... do not). */
    private static final Set<String> IN_SCHEMA = Set.of("table", "view", "materialized view", "foreign table",
            "sequence", "type", "domain", "collation", "conversion", "statistics");

    public RequireSchemaQualifiedRule() {
        super("require-schema-qualified", Category.STRUCTURE, Severity.INFO, RuleSet.STRICT,
                "Object names without a schema depend on the search_path of whoever runs the migration",
                "require-table-schema");
    }

    @Override
    public void check(StatementContext context, Report report) {
        Optional<QualifiedName> name = switch (context.statement()) {
            case Statement.CreateTable create when !create.temporary() -> Optional.of(create.table());
            case Statement.AlterTable alter -> Optional.of(alter.table());
            case Statement.CreateIndex index -> Optional.of(index.table());
            case Statement.CreateView view -> Optional.of(view.view());
            case Statement.DropIndex drop when !drop.indexes().isEmpty() -> Optional.of(drop.indexes().getFirst());
            case Statement.Drop drop when !drop.names().isEmpty() && IN_SCHEMA.contains(drop.objectType())
                    -> Optional.of(drop.names().getFirst());
            default -> Optional.empty();
        };
        name.filter(n -> !n.isQualified()).ifPresent(n -> report.add(n + " has no schema: it resolves through the"
                        + " search_path of the session that runs the migration.",
                "Write it as public." + n + " (or its real schema)."));
    }
}
