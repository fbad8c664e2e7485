package dev.sluice.review.rules.structure;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Table names that need double quotes forever: upper case, spaces or other characters outside
 * [a-z0-9_], and key words PostgreSQL reserves for table names.
 */
public final class NamingTableRule extends AbstractRule {

    /**
     * What the server reads without quotes: a letter or underscore, then letters, digits, underscores
     * or dollar signs. Like PostgreSQL's scanner, any non-ASCII character counts as a letter (and is
     * not case-folded in UTF-8 databases).
     */
    private static final Pattern PLAIN = Pattern.compile("[a-z_\\x{80}-\\x{10FFFF}][a-z0-9_$\\x{80}-\\x{10FFFF}]*");

    /**
     * Key words that cannot name a table unquoted: PostgreSQL's "reserved" and "reserved (can be
     * function or type)" key words.
     */
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary",
            "both", "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create",
            "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
            "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group", "having",
            "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading",
            "left", "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null", "offset",
            "on", "only", "or", "order", "outer", "overlaps", "placing", "primary", "references", "returning", "right",
            "select", "session_user", "similar", "some", "symmetric", "system_user", "table", "tablesample", "then",
            "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when", "where",
            "window", "with");

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
        if (RESERVED.contains(name)) {
            report.addAt(offset, "Table name \"" + name + "\" is a reserved key word: every query has to write it in"
                    + " double quotes, and unquoted it is a syntax error.", "Call it " + name + "s, or another name"
                    + " that is not a key word.");
        } else if (!PLAIN.matcher(name).matches()) {
            String suggestion = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase().replaceAll("[^a-z0-9_]+", "_");
            report.addAt(offset, "Table name \"" + name + "\" only works in double quotes, in every query, forever;"
                    + " unquoted, PostgreSQL folds it to lower case and finds nothing.", "Call it " + suggestion + ".");
        }
    }
}
