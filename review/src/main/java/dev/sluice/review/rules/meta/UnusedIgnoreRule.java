package dev.sluice.review.rules.meta;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.RuleCatalog;

/**
 * A {@code sluice:ignore} that suppresses nothing: the rule did not fire there, or no rule has that
 * name. The review engine applies it after suppression, so this class only carries the metadata.
 */
public final class UnusedIgnoreRule extends AbstractRule {

    public UnusedIgnoreRule() {
        super(RuleCatalog.UNUSED_IGNORE, Category.META, Severity.INFO, RuleSet.DEFAULT,
                "A sluice:ignore directive that suppresses nothing");
    }
}
