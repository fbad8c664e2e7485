package dev.sluice.review.rules;

import dev.sluice.review.model.Statement;
import java.util.Locale;

/**
 * Whether a lock_timeout is in force, following SET, SET LOCAL (until its transaction ends),
 * RESET and DEFAULT the way PostgreSQL does.
 */
public final class LockTimeoutTracker {

    private boolean session;
    /** The transaction in which SET LOCAL lock_timeout took effect, or -1. */
    private int localTransaction = -1;

    /** Whether a statement running in {@code transaction} has a lock_timeout. */
    public boolean inForce(int transaction, boolean inTransaction) {
        return session || inTransaction && localTransaction == transaction;
    }

    /** Takes a statement's effect on lock_timeout into account. */
    public void apply(Statement statement, int transaction, boolean inTransaction) {
        if (!(statement instanceof Statement.SetParameter set)) {
            return;
        }
        if (set.parameter().equals("all")) {
            session = false;
        } else if (set.parameter().equals("lock_timeout")) {
            boolean on = !isZero(set.value());
            if (set.local()) {
                localTransaction = on && inTransaction ? transaction : -1;
            } else {
                session = on;
            }
        }
    }

    /** No timeout: 0 in any unit, DEFAULT (0 unless the server says otherwise), or RESET (an empty value). */
    static boolean isZero(String value) {
        String plain = value.replace("'", "").strip().toLowerCase(Locale.ROOT);
        return plain.isEmpty() || plain.equals("default") || plain.matches("0+\\s*(ms|s|min|h|d)?");
    }
}
