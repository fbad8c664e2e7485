package dev.sluice.review.rules;

/** Where a rule reports what it found; the review adds the rule's id, severity and file. */
public interface Report {

    /** A finding at the start of the statement being checked. */
    void add(String message, String hint);

    /** A finding at an offset in the file (an ALTER TABLE sub-command, say), within the statement being checked. */
    void addAt(int offset, String message, String hint);

    /** A finding not tied to a statement: {@code statement} is its index, or -1 for the file as a whole. */
    void addInFile(int statement, int offset, String message, String hint);
}
