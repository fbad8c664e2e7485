package dev.sluice.review.transaction;

import dev.sluice.review.TransactionModel;
import dev.sluice.review.directive.Directives;
import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decides which statements cannot run inside a transaction block, and from that how a file's
 * statements group into transactions. The review and the migration engine share it, so what
 * the review promises is what the runner does.
 */
public final class TransactionClassifier {

    private TransactionClassifier() {
    }

    /** Why PostgreSQL refuses to run this statement inside a transaction block, if it does. */
    public static Optional<String> whyNotTransactional(Statement statement, int pgVersion) {
        return switch (statement) {
            case Statement.CreateIndex index when index.concurrently() -> Optional.of("CREATE INDEX CONCURRENTLY");
            case Statement.DropIndex index when index.concurrently() -> Optional.of("DROP INDEX CONCURRENTLY");
            case Statement.Reindex reindex when reindex.concurrently() -> Optional.of("REINDEX CONCURRENTLY");
            case Statement.Reindex reindex when reindex.target().equals("database") || reindex.target().equals("system")
                    -> Optional.of("REINDEX " + reindex.target().toUpperCase());
            case Statement.Vacuum ignored -> Optional.of("VACUUM");
            case Statement.Cluster cluster when cluster.table().isEmpty() -> Optional.of("CLUSTER without a table");
            case Statement.CreateDatabase ignored -> Optional.of("CREATE DATABASE");
            case Statement.Drop drop when drop.objectType().equals("database") || drop.objectType().equals("tablespace")
                    -> Optional.of("DROP " + drop.objectType().toUpperCase());
            case Statement.NonTransactionalCommand command -> Optional.of(command.command());
            case Statement.AlterTypeAddValue ignored when pgVersion < 12 -> Optional.of("ALTER TYPE ... ADD VALUE before PostgreSQL 12");
            case Statement.AlterTable alter when alter.actions().stream().anyMatch(
                    action -> action instanceof AlterAction.DetachPartition detach && detach.concurrently())
                    -> Optional.of("DETACH PARTITION CONCURRENTLY");
            default -> Optional.empty();
        };
    }

    public static TransactionPlan plan(List<Statement> statements, Directives directives, TransactionModel model,
            int pgVersion) {
        Optional<TransactionPlan.Blocker> blocker = Optional.empty();
        if (directives.transactionOff()) {
            blocker = Optional.of(new TransactionPlan.Blocker(-1, "the file says -- sluice:transaction off"));
        } else {
            for (int i = 0; i < statements.size() && blocker.isEmpty(); i++) {
                int index = i;
                blocker = whyNotTransactional(statements.get(i), pgVersion)
                        .map(reason -> new TransactionPlan.Blocker(index, reason + " cannot run inside a transaction block"));
            }
        }
        boolean runnerTransaction = model == TransactionModel.SLUICE && blocker.isEmpty();

        List<TransactionPlan.Scope> scopes = new ArrayList<>();
        List<Integer> nestedBegins = new ArrayList<>();
        List<Integer> strayEnds = new ArrayList<>();
        int nextId = 0;
        boolean open = runnerTransaction;
        int current = open ? nextId++ : -1;
        int explicitBegin = -1;
        for (int i = 0; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            if (statement instanceof Statement.Transaction transaction) {
                switch (transaction.control()) {
                    case BEGIN -> {
                        if (open) {
                            nestedBegins.add(i);
                        } else {
                            open = true;
                            current = nextId++;
                            explicitBegin = i;
                        }
                    }
                    case COMMIT, ROLLBACK, PREPARE -> {
                        if (!open || explicitBegin < 0) {
                            strayEnds.add(i); // nothing to end, or it ends the runner's own transaction
                        }
                        scopes.add(new TransactionPlan.Scope(open ? current : nextId++, open));
                        open = false;
                        explicitBegin = -1;
                        continue;
                    }
                    default -> {
                    }
                }
            }
            scopes.add(open ? new TransactionPlan.Scope(current, true) : new TransactionPlan.Scope(nextId++, false));
        }
        OptionalInt unclosed = explicitBegin >= 0 ? OptionalInt.of(explicitBegin) : OptionalInt.empty();
        return new TransactionPlan(runnerTransaction, blocker, scopes, nestedBegins, strayEnds, unclosed);
    }
}
