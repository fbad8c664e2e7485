package dev.sluice.review.sql;

import java.util.List;

/**
 * One statement of a migration file, as the server would receive it.
 *
 * @param index      position among the file's statements, from 0
 * @param start      offset of the first token
 * @param end        offset just past the terminating semicolon, or past the last token
 * @param tokens     the tokens, comments left out, the semicolon included when present
 */
public record SqlStatement(int index, int start, int end, List<Token> tokens) {

    public SqlStatement {
        tokens = List.copyOf(tokens);
    }

    /** Tokens without the terminating semicolon. */
    public List<Token> body() {
        int size = tokens.size();
        return size > 0 && tokens.get(size - 1).kind() == TokenKind.SEMICOLON ? tokens.subList(0, size - 1) : tokens;
    }

    public String text(SourceText source) {
        return source.text().substring(start, end);
    }
}
