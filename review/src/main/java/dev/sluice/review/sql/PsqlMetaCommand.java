package dev.sluice.review.sql;

/** A psql backslash command such as {@code \i other.sql} or {@code \set x 1}: not SQL, the server never sees it. */
public record PsqlMetaCommand(int start, int end, String text) {
}
