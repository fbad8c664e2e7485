package dev.sluice.review.rules.locking;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.Statement;
import dev.sluice.review.model.TypeName;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Cost;
import dev.sluice.review.rules.ExistingTableAlterRule;
import dev.sluice.review.rules.Locks;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;
import dev.sluice.review.schema.TableInfo;
import java.util.Optional;
import java.util.Set;

/** ALTER COLUMN ... TYPE that is not binary-coercible from the current type, so the table is rewritten. */
public final class AlterColumnTypeRewriteRule extends ExistingTableAlterRule {

    /** Target types a binary-coercible change often goes to; without knowing the old type, no alarm is raised. */
    private static final Set<String> WIDENING_TARGETS = Set.of("text", "varchar", "numeric", "varbit", "inet");

    public AlterColumnTypeRewriteRule() {
        super("alter-column-type-rewrite", Category.LOCKING, Severity.ERROR, RuleSet.RELAXED,
                "ALTER COLUMN TYPE rewrites the table and its indexes unless the change is binary-coercible",
                "changing-column-type");
    }

    @Override
    protected void checkAction(StatementContext context, Statement.AlterTable alter, AlterAction action, Report report) {
        if (!(action instanceof AlterAction.AlterColumnType change)) {
            return;
        }
        Optional<TypeName> current = context.state().changedType(alter.table(), change.column()).or(() -> context.liveTable(alter.table())
                .map(TableInfo::columns)
                .map(columns -> columns.get(change.column()))
                .map(TableInfo.ColumnInfo::type));
        if (!change.using()) {
            if (current.isPresent() && binaryCoercible(current.get(), change.type())) {
                return;
            }
            if (current.isEmpty() && WIDENING_TARGETS.contains(change.type().name())) {
                return; // likely a widening (varchar(n) -> text ...); cannot tell without the live schema
            }
        }
        String from = current.map(type -> " from " + type).orElse("");
        report.about(alter.table(), Cost.REWRITE).addAt(action.offset(), "Changing " + alter.table() + "." + change.column() + from + " to " + change.type()
                        + " rewrites every row of " + alter.table() + " and rebuilds its indexes while holding "
                        + Locks.ACCESS_EXCLUSIVE + ".",
                "Add a new column of the new type, fill it in batches (and keep it in sync with a trigger), switch"
                        + " the code over, then drop the old column. Changes that need no rewrite: varchar(n) to a"
                        + " longer varchar or to text, numeric(p,s) to a larger precision with the same scale.");
    }

    /** Whether PostgreSQL can change the type without touching the rows. */
    static boolean binaryCoercible(TypeName from, TypeName to) {
        if (from.array() != to.array()) {
            return false;
        }
        if (from.equals(to)) {
            return true;
        }
        String a = from.name();
        String b = to.name();
        if (a.equals("varchar") && (b.equals("text") || b.equals("varchar") && widens(from, to))) {
            return true;
        }
        if (a.equals("text") && b.equals("varchar") && to.modifiers().isEmpty()) {
            return true;
        }
        if (a.equals("numeric") && b.equals("numeric")) {
            if (to.modifiers().isEmpty()) {
                return true;
            }
            if (from.modifiers().isEmpty()) {
                return false;
            }
            String scaleFrom = from.modifiers().size() > 1 ? from.modifiers().get(1).strip() : "0";
            String scaleTo = to.modifiers().size() > 1 ? to.modifiers().get(1).strip() : "0";
            return scaleFrom.equals(scaleTo) && to.firstModifier() >= from.firstModifier();
        }
        if (a.equals("varbit") && b.equals("varbit")) {
            return widens(from, to);
        }
        return a.equals("cidr") && b.equals("inet");
    }

    private static boolean widens(TypeName from, TypeName to) {
        if (to.modifiers().isEmpty()) {
            return true;
        }
        return !from.modifiers().isEmpty() && to.firstModifier() >= from.firstModifier();
    }
}
