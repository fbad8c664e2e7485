package dev.sluice.review.rules.structure;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;

/** CHECK constraints on domains: changing them later checks every column of every table using the domain. */
public final class BanDomainConstraintRule extends AbstractRule {

    public BanDomainConstraintRule() {
        super("ban-domain-constraint", Category.STRUCTURE, Severity.INFO, RuleSet.DEFAULT,
                "Domain CHECK constraints are hard to change safely: adding one scans every table that uses the domain",
                "ban-create-domain-with-constraint", "ban-alter-domain-with-add-constraint");
    }

    @Override
    public void check(StatementContext context, Report report) {
        switch (context.statement()) {
            case Statement.CreateDomain domain when domain.hasCheck() -> report.add("Domain " + domain.domain() + " has a"
                            + " CHECK constraint: changing it later re-checks every column of every table that uses the domain.",
                    "Put the CHECK on the columns (as table constraints) instead, where NOT VALID and VALIDATE work per table.");
            case Statement.AlterDomainAddConstraint add -> report.add("Adding a constraint to domain " + add.domain()
                            + (add.notValid() ? " NOT VALID skips the check of existing values for now, but validating"
                                    + " it later still scans every column of every table that uses the domain, all at once"
                                    : " checks every column of every table that uses it, while holding locks on those tables")
                            + ".",
                    "Prefer table CHECK constraints added NOT VALID and validated in a later migration, one table at a time.");
            default -> {
            }
        }
    }
}
