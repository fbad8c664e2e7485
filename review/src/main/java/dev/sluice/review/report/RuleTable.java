package dev.sluice.review.report;

import dev.sluice.review.RuleSet;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Rule;
import dev.sluice.review.rules.RuleCatalog;
import java.util.Locale;
import java.util.stream.Collectors;

/** The table of every rule, grouped by category, as docs/review.md shows it. */
public final class RuleTable {

    private RuleTable() {
    }

    public static String markdown() {
        StringBuilder out = new StringBuilder();
        for (Category category : Category.values()) {
            out.append("### ").append(category.title()).append("\n\n");
            out.append("| rule | severity | rule sets | what it catches | also known as |\n");
            out.append("|---|---|---|---|---|\n");
            for (Rule rule : RuleCatalog.all()) {
                if (rule.category() != category) {
                    continue;
                }
                out.append("| [`").append(rule.id()).append("`](rules/").append(rule.id()).append(".md) | ")
                        .append(rule.defaultSeverity().label()).append(" | ")
                        .append(ruleSets(rule.enabledFrom())).append(" | ")
                        .append(rule.summary().replace("|", "\\|")).append(" | ")
                        .append(rule.aliases().stream().filter(alias -> !alias.equals(rule.id())).sorted()
                                .map(alias -> "`" + alias + "`").collect(Collectors.joining(", ")))
                        .append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String ruleSets(RuleSet from) {
        StringBuilder sets = new StringBuilder();
        for (RuleSet set : RuleSet.values()) {
            if (set.includes(from)) {
                sets.append(sets.isEmpty() ? "" : ", ").append(set.name().toLowerCase(Locale.ROOT));
            }
        }
        return sets.toString();
    }
}
