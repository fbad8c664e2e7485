package dev.sluice.review.rules.meta;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.directive.Directives;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.FileContext;
import dev.sluice.review.rules.Report;

/** A {@code -- sluice:} comment that is not a directive Sluice knows, or has a bad argument. */
public final class InvalidDirectiveRule extends AbstractRule {

    public InvalidDirectiveRule() {
        super("invalid-directive", Category.META, Severity.ERROR, RuleSet.RELAXED,
                "A -- sluice: comment that is not a valid directive, so it does nothing");
    }

    @Override
    public void finish(FileContext file, Report report) {
        for (Directives.Problem problem : file.directives().problems()) {
            report.addInFile(-1, problem.offset(), problem.message() + ".",
                    "Directives: -- sluice:ignore <rule>[,<rule>], -- sluice:ignore-file <rule>[,...],"
                            + " -- sluice:transaction off, -- sluice:lock-timeout 5s, -- sluice:statement-timeout 30min.");
        }
    }
}
