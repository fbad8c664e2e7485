package dev.sluice.review.transaction;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a file's statements will be grouped into transactions when it runs.
 *
 * @param transactional   whether the runner wraps the whole file in one transaction
 * @param blocker         the first statement that prevents that, and why
 * @param scopes          for each statement, the transaction it runs in
 * @param nestedBegins    statements that open a transaction while one is already open
 * @param strayEnds       COMMIT or ROLLBACK with no transaction open, or one that ends the runner's own transaction
 * @param unclosedBegin   an explicit BEGIN never committed by the end of the file
 */
public record TransactionPlan(
        boolean transactional,
        Optional<Blocker> blocker,
        List<Scope> scopes,
        List<Integer> nestedBegins,
        List<Integer> strayEnds,
        OptionalInt unclosedBegin) {

    /** A statement that cannot run inside a transaction block. */
    public record Blocker(int statement, String reason) {
        public Blocker {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Where one statement runs.
     *
     * @param transaction an id shared by the statements of one transaction; unique per statement in autocommit
     * @param inTransaction whether it runs inside a transaction with other statements (explicit or the runner's)
     */
    public record Scope(int transaction, boolean inTransaction) {
    }

    public TransactionPlan {
        Objects.requireNonNull(blocker, "blocker");
        scopes = List.copyOf(scopes);
        nestedBegins = List.copyOf(nestedBegins);
        strayEnds = List.copyOf(strayEnds);
        Objects.requireNonNull(unclosedBegin, "unclosedBegin");
    }

    public Scope scope(int statement) {
        return scopes.get(statement);
    }

    /** Whether two statements run in the same transaction. */
    public boolean sameTransaction(int first, int second) {
        Scope a = scopes.get(first);
        Scope b = scopes.get(second);
        return a.inTransaction() && b.inTransaction() && a.transaction() == b.transaction();
    }
}
