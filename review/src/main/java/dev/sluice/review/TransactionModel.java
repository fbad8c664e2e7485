package dev.sluice.review;

import java.util.Locale;

/** How the file will be run, which decides which statements share a transaction. */
public enum TransactionModel {
    /** Sluice's runner: a file is one transaction, unless it holds a statement that cannot run in one. */
    SLUICE,
    /** psql and most other tools: each statement on its own, except explicit BEGIN ... COMMIT blocks. */
    PSQL;

    public static TransactionModel parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
