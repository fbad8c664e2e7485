package dev.sluice.review.parse;

import dev.sluice.review.model.Statement;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * Reads, with JSqlParser, the statements the PostgreSQL recognizer does not model. A statement it
 * parses is known and not judged; one it cannot parse is {@link Statement.Unreadable}. JSqlParser is
 * slow and misses much of PostgreSQL's DDL, so it only sees what the recognizer passed on.
 */
final class FallbackReader {

    private static final ExecutorService PARSER_THREADS = Executors.newVirtualThreadPerTaskExecutor();

    Statement read(String statementText) {
        try {
            net.sf.jsqlparser.statement.Statement parsed = CCJSqlParserUtil.parse(statementText,
                    PARSER_THREADS, parser -> parser.withTimeOut(2_000));
            if (parsed == null || parsed instanceof UnsupportedStatement) {
                return new Statement.Unreadable("not a statement form the review knows");
            }
            return new Statement.Known(parsed.getClass().getSimpleName().toLowerCase(Locale.ROOT));
        } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return new Statement.Unreadable(message);
        }
    }
}
