package dev.sluice.review.rules.meta;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.FileContext;
import dev.sluice.review.rules.Report;
import dev.sluice.review.sql.LexicalProblem;
import dev.sluice.review.sql.SqlStatement;
import dev.sluice.review.sql.Token;
import dev.sluice.review.sql.TokenKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Text PostgreSQL cannot read: an unclosed string, quoted name or comment, or unbalanced parentheses. */
public final class SyntaxErrorRule extends AbstractRule {

    public SyntaxErrorRule() {
        super("syntax-error", Category.META, Severity.ERROR, RuleSet.RELAXED,
                "Text the server cannot read: unclosed quotes or comments, unbalanced parentheses");
    }

    @Override
    public void finish(FileContext file, Report report) {
        for (LexicalProblem problem : file.split().problems()) {
            report.addInFile(statementAt(file, problem.offset()), problem.offset(), "Syntax error: " + problem.message()
                    + "; everything after it is read as part of it.", "Close it where it should end.");
        }
        for (SqlStatement statement : file.split().statements()) {
            missingSemicolonBefore(file, statement.index()).ifPresent(token -> report.addInFile(statement.index(), token.start(),
                    "Syntax error: " + token.text().toUpperCase() + " starts a line inside the statement above it, which"
                            + " PostgreSQL reads as one statement and rejects.",
                    "End the previous statement with a semicolon (line " + (file.source().line(token.start()) - 1) + ")."));
            int depth = 0;
            Token unmatched = null;
            for (Token token : statement.tokens()) {
                if (token.kind() == TokenKind.LEFT_PAREN) {
                    if (depth++ == 0) {
                        unmatched = token;
                    }
                } else if (token.kind() == TokenKind.RIGHT_PAREN && --depth < 0) {
                    report.addInFile(statement.index(), token.start(), "Syntax error: this ')' closes nothing.",
                            "Remove it, or add the '(' it belongs to.");
                    break;
                }
            }
            if (depth > 0 && file.split().problems().isEmpty()) {
                report.addInFile(statement.index(), unmatched.start(), "Syntax error: this '(' is never closed, so the"
                        + " statement runs on into the next one.", "Add the missing ')'.");
            }
        }
    }

    /** Words that start a statement; one starting a line inside an unreadable statement suggests a missing semicolon. */
    private static final Set<String> STATEMENT_STARTS = Set.of(
            "create", "alter", "drop", "insert", "update", "delete", "grant", "revoke", "comment", "truncate", "select");

    /**
     * In a statement neither reader could read, the first word at parenthesis depth 0 that starts a
     * line and could start a statement: most likely the previous line lacks its semicolon.
     */
    public static Optional<Token> missingSemicolonBefore(FileContext file, int statement) {
        if (!(file.statements().get(statement) instanceof Statement.Unreadable)) {
            return Optional.empty();
        }
        List<Token> tokens = file.sql(statement).tokens();
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == TokenKind.LEFT_PAREN) {
                depth++;
            } else if (token.kind() == TokenKind.RIGHT_PAREN) {
                depth--;
            } else if (i > 0 && depth == 0 && token.kind() == TokenKind.WORD && STATEMENT_STARTS.contains(token.text())
                    && file.source().line(token.start()) > file.source().line(tokens.get(i - 1).end())) {
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }

    private static int statementAt(FileContext file, int offset) {
        for (SqlStatement statement : file.split().statements()) {
            if (statement.start() <= offset && offset < statement.end()) {
                return statement.index();
            }
        }
        return -1;
    }
}
