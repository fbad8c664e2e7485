package dev.sluice.review.sql;

/** The kinds of PostgreSQL tokens the review distinguishes. */
public enum TokenKind {
    /** A keyword or unquoted identifier; its text is folded to lower case, as PostgreSQL does. */
    WORD,
    /** A double-quoted identifier; its text is the name with case kept and {@code ""} unescaped. */
    QUOTED_IDENTIFIER,
    /** A string constant of any form ({@code '...'}, {@code E'...'}, {@code $tag$...$tag$}, ...); text is its content. */
    STRING,
    NUMBER,
    /** A positional parameter such as {@code $1}. */
    PARAMETER,
    OPERATOR,
    LEFT_PAREN,
    RIGHT_PAREN,
    LEFT_BRACKET,
    RIGHT_BRACKET,
    COMMA,
    SEMICOLON,
    DOT,
    COLON
}
