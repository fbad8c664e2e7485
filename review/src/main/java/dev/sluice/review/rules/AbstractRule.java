package dev.sluice.review.rules;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import java.util.Set;

/** The metadata every rule has, so each rule class holds only its check. */
public abstract class AbstractRule implements Rule {

    private final String id;
    private final Category category;
    private final Severity defaultSeverity;
    private final RuleSet enabledFrom;
    private final String summary;
    private final Set<String> aliases;

    protected AbstractRule(String id, Category category, Severity defaultSeverity, RuleSet enabledFrom, String summary,
            String... aliases) {
        this.id = id;
        this.category = category;
        this.defaultSeverity = defaultSeverity;
        this.enabledFrom = enabledFrom;
        this.summary = summary;
        this.aliases = Set.of(aliases);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Category category() {
        return category;
    }

    @Override
    public final Severity defaultSeverity() {
        return defaultSeverity;
    }

    @Override
    public final RuleSet enabledFrom() {
        return enabledFrom;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public final Set<String> aliases() {
        return aliases;
    }

    @Override
    public String toString() {
        return id;
    }
}
