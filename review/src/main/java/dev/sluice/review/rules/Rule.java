package dev.sluice.review.rules;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import java.util.Set;

/**
 * One check, in a class of its own, with a stable kebab-case id and a documentation page
 * {@code docs/rules/<id>.md}. Rules look at one statement at a time with what came before it
 * ({@link #check}) and, when they need the whole file, at the end ({@link #finish}).
 */
public interface Rule {

    String id();

    Category category();

    Severity defaultSeverity();

    /** The smallest rule set that enables it. */
    RuleSet enabledFrom();

    /** One line for the rule table. */
    String summary();

    /** Names other tools (and CONTRACT examples) use for the same check; accepted in configuration. */
    default Set<String> aliases() {
        return Set.of();
    }

    default void check(StatementContext statement, Report report) {
    }

    default void finish(FileContext file, Report report) {
    }
}
