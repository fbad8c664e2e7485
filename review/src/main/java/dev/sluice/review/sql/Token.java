package dev.sluice.review.sql;

/**
 * One token of a statement.
 *
 * @param kind  what it is
 * @param start offset of its first character in the file
 * @param end   offset just past its last character
 * @param text  the normalised text: lower case for words, the name for quoted identifiers, the
 *              content for strings, the characters themselves otherwise
 */
public record Token(TokenKind kind, int start, int end, String text) {

    public boolean isWord(String word) {
        return kind == TokenKind.WORD && text.equals(word);
    }

    /** A name as PostgreSQL resolves it: unquoted words fold to lower case, quoted names keep theirs. */
    public boolean isName() {
        return kind == TokenKind.WORD || kind == TokenKind.QUOTED_IDENTIFIER;
    }

    public boolean isOperator(String operator) {
        return kind == TokenKind.OPERATOR && text.equals(operator);
    }
}
