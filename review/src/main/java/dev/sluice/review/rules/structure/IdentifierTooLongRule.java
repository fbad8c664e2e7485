package dev.sluice.review.rules.structure;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;
import dev.sluice.review.sql.Token;
import java.nio.charset.StandardCharsets;

/** Identifiers over 63 bytes, which PostgreSQL silently truncates. */
public final class IdentifierTooLongRule extends AbstractRule {

    private static final int LIMIT = 63;

    public IdentifierTooLongRule() {
        super("identifier-too-long", Category.STRUCTURE, Severity.WARNING, RuleSet.DEFAULT,
                "Identifiers longer than 63 bytes are silently truncated, and two can end up with one name");
    }

    @Override
    public void check(StatementContext context, Report report) {
        switch (context.statement()) {
            // Read-and-not-judged statements (INSERT, GRANT ...) only use names; those that create or alter
            // an object (CREATE SEQUENCE, CREATE TYPE, ALTER INDEX ... RENAME TO ...) name it.
            case Statement.Known known when !known.kind().startsWith("create ") && !known.kind().startsWith("alter ") -> {
                return;
            }
            case Statement.Unreadable ignored -> {
                return;
            }
            default -> {
            }
        }
        for (Token token : context.sql().tokens()) {
            if (token.isName()) {
                int bytes = token.text().getBytes(StandardCharsets.UTF_8).length;
                if (bytes > LIMIT) {
                    report.addAt(token.start(), "Identifier " + token.text() + " is " + bytes + " bytes long; PostgreSQL"
                                    + " keeps the first 63 and drops the rest without an error.",
                            "Shorten it to 63 bytes or fewer, so the name in the database is the name in the code.");
                }
            }
        }
    }
}
