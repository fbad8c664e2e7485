package dev.sluice.review.rules;

/** How each PostgreSQL table lock affects other sessions, in the words findings use. */
public final class Locks {

    public static final String ACCESS_EXCLUSIVE = "an ACCESS EXCLUSIVE lock (reads and writes wait)";
    public static final String SHARE = "a SHARE lock (writes wait, reads continue)";
    public static final String SHARE_ROW_EXCLUSIVE = "a SHARE ROW EXCLUSIVE lock (writes wait, reads continue)";
    public static final String SHARE_UPDATE_EXCLUSIVE = "a SHARE UPDATE EXCLUSIVE lock (reads and writes continue)";

    private Locks() {
    }
}
