package dev.sluice.review.rules;

import dev.sluice.review.model.QualifiedName;

/** Where a rule reports what it found; the review adds the rule's id, severity and file. */
public interface Report {

    /**
     * The findings reported through the returned report hold a lock on {@code table} while PostgreSQL
     * does {@code cost}: with live statistics the review adds the table's size and an estimate of how
     * long that takes, and raises the severity for large tables (lowers it for tiny ones).
     */
    Report about(QualifiedName table, Cost cost);

    /** A finding at the start of the statement being checked. */
    void add(String message, String hint);

    /** A finding at an offset in the file (an ALTER TABLE sub-command, say), within the statement being checked. */
    void addAt(int offset, String message, String hint);

    /** A finding not tied to a statement: {@code statement} is its index, or -1 for the file as a whole. */
    void addInFile(int statement, int offset, String message, String hint);
}
