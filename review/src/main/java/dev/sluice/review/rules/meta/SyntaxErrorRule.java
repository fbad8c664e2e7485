package dev.sluice.review.rules.meta;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.FileContext;
import dev.sluice.review.rules.Report;
import dev.sluice.review.sql.LexicalProblem;
import dev.sluice.review.sql.SqlStatement;
import dev.sluice.review.sql.Token;
import dev.sluice.review.sql.TokenKind;

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

    private static int statementAt(FileContext file, int offset) {
        for (SqlStatement statement : file.split().statements()) {
            if (statement.start() <= offset && offset < statement.end()) {
                return statement.index();
            }
        }
        return -1;
    }
}
