package dev.sluice.review.sql;

/** Text the lexer could not read, such as a string that never ends. */
public record LexicalProblem(int offset, String message) {
}
