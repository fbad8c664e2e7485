package dev.sluice.review;

import java.util.Objects;

/**
 * One thing the review has to say about a migration.
 *
 * @param rule      the rule's id, e.g. {@code index-not-concurrent}
 * @param severity  after the rule set and overrides were applied
 * @param file      the file's path as given to the review
 * @param line      1-based line where the finding starts
 * @param column    1-based column where it starts
 * @param endLine   1-based line where the offending statement ends
 * @param message   what is wrong: the object, the lock taken, rewrite or scan
 * @param hint      the safe alternative, with rewritten SQL where that is mechanical; may be empty
 */
public record Finding(String rule, Severity severity, String file, int line, int column, int endLine, String message,
        String hint) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
        if (line < 1 || column < 1 || endLine < line) {
            throw new IllegalArgumentException("bad position " + line + ":" + column + "-" + endLine + " for " + rule);
        }
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(rule, newSeverity, file, line, column, endLine, message, hint);
    }
}
