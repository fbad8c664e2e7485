package dev.sluice.review.rules.types;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.Statement;
import dev.sluice.review.model.TableConstraint;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.NewColumns;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;
import java.util.Set;

/** Key and counter columns declared as 32- or 16-bit integers. */
public final class PreferBigintRule extends AbstractRule {

    private static final Set<String> SMALL = Set.of("integer", "smallint", "serial", "smallserial");

    public PreferBigintRule() {
        super("prefer-bigint", Category.TYPES, Severity.WARNING, RuleSet.DEFAULT,
                "Primary keys, identities and serials of type integer run out at 2.1 billion",
                "prefer-bigint-over-int", "prefer-bigint-over-smallint", "prefer-big-int");
    }

    @Override
    public void check(StatementContext context, Report report) {
        Set<String> keyColumns = singleColumnPrimaryKey(context);
        for (NewColumns.Declared declared : NewColumns.of(context)) {
            var column = declared.column();
            boolean keyLike = column.primaryKey() || column.identity() || column.type().isSerial()
                    || keyColumns.contains(column.name());
            if (keyLike && SMALL.contains(column.type().name())) {
                String bigger = column.type().isSerial() ? "bigserial (better: bigint GENERATED ALWAYS AS IDENTITY)" : "bigint";
                report.addAt(declared.offset(), declared.table() + "." + column.name() + " is " + column.type()
                                + ", which runs out at " + (column.type().name().startsWith("small") ? "32,767" : "2,147,483,647")
                                + "; changing the type of a key later rewrites the table and every referencing one.",
                        "Declare it as " + bigger + " now, while the table is new.");
            }
        }
    }

    /**
     * The column of a one-column PRIMARY KEY table constraint ({@code CONSTRAINT t_pkey PRIMARY KEY (id)}).
     * The columns of a composite key usually reference other tables' keys, whose type decides their range.
     */
    private static Set<String> singleColumnPrimaryKey(StatementContext context) {
        if (context.statement() instanceof Statement.CreateTable create) {
            for (TableConstraint constraint : create.constraints()) {
                if (constraint.kind() == TableConstraint.Kind.PRIMARY_KEY && constraint.columns().size() == 1) {
                    return Set.of(constraint.columns().getFirst());
                }
            }
        }
        return Set.of();
    }
}
