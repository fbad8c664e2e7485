package dev.sluice.review.sql;

/** A comment outside any statement text, kept because it may carry a {@code -- sluice:} directive. */
public record Comment(int start, int end, String text, boolean lineComment) {
}
