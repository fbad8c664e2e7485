package dev.sluice.review.rules.meta;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.TransactionModel;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.FileContext;
import dev.sluice.review.rules.Report;
import dev.sluice.review.sql.PsqlMetaCommand;

/** psql backslash commands in a file Sluice runs: the server does not understand them. */
public final class PsqlMetaCommandRule extends AbstractRule {

    public PsqlMetaCommandRule() {
        super("psql-meta-command", Category.META, Severity.ERROR, RuleSet.RELAXED,
                "psql backslash commands (\\i, \\set ...) are not SQL; Sluice sends statements to the server");
    }

    @Override
    public void finish(FileContext file, Report report) {
        if (file.model() != TransactionModel.SLUICE) {
            return;
        }
        for (PsqlMetaCommand command : file.split().metaCommands()) {
            String name = command.text().split("\\s+")[0];
            report.addInFile(-1, command.start(), name + " is a psql command, not SQL: Sluice sends statements straight to"
                            + " the server, which rejects it.",
                    name.startsWith("\\i") ? "Copy the included file's statements into a migration of their own."
                            : "Replace it with SQL (for example SET for \\set), or review this file with --tx-model psql if"
                                    + " psql runs it.");
        }
    }
}
