package dev.sluice.review.rules;

import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.ColumnDefinition;
import dev.sluice.review.model.QualifiedName;
import dev.sluice.review.model.Statement;
import dev.sluice.review.model.TableConstraint;
import dev.sluice.review.model.TypeName;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the migrations reviewed so far have done, as PostgreSQL would see it when they run in
 * order: tables created (new and empty, so blocking operations on them are harmless), their
 * columns, tables altered in the current transaction, constraints added NOT VALID, and whether a
 * lock_timeout was set. Updated by the review after each statement; rules only read it.
 */
public final class ReviewState {

    /** A table created by the migrations under review. */
    public static final class NewTable {
        private final Map<String, TypeName> columns = new HashMap<>();
        private final Set<String> notNullColumns = new HashSet<>();
        private boolean primaryKey;

        public Optional<TypeName> columnType(String column) {
            return Optional.ofNullable(columns.get(column));
        }

        public boolean hasPrimaryKey() {
            return primaryKey;
        }
    }

    private static final Pattern IS_NOT_NULL = Pattern.compile("^\"?([^\" ]+)\"? is not null$");

    private final Map<String, NewTable> newTables = new HashMap<>();
    /** Index key to the key of its table, for indexes created by the migrations. */
    private final Map<String, String> newIndexes = new HashMap<>();
    private final Set<String> newViews = new HashSet<>();
    /** Table key to the transaction in which it was last altered by DDL, within the current file. */
    private final Map<String, Integer> alteredIn = new HashMap<>();
    /** Constraint name to the transaction that added it NOT VALID, within the current file. */
    private final Map<String, Integer> notValidConstraintsIn = new HashMap<>();
    /** "table.column" proven NOT NULL by a validated CHECK added by the migrations. */
    private final Set<String> checkedNotNull = new HashSet<>();
    /** "table.column" of existing tables whose type an earlier statement changed, to the new type. */
    private final Map<String, TypeName> changedTypes = new HashMap<>();
    private final Map<String, String> pendingNotNullChecks = new HashMap<>();
    private LockTimeoutTracker lockTimeout = new LockTimeoutTracker();
    private int currentTransaction = -1;
    private boolean currentInTransaction;

    public boolean isNewTable(QualifiedName table) {
        return newTables.containsKey(table.key());
    }

    public Optional<NewTable> newTable(QualifiedName table) {
        return Optional.ofNullable(newTables.get(table.key()));
    }

    public boolean isNewView(QualifiedName view) {
        return newViews.contains(view.key());
    }

    /** Whether the index was created by the migrations on a table they also created: dropping it locks nothing in use. */
    public boolean isIndexOnNewTable(QualifiedName index) {
        String table = newIndexes.get(index.key());
        return table != null && newTables.containsKey(table);
    }

    public boolean alteredInTransaction(QualifiedName table, int transaction) {
        Integer altered = alteredIn.get(table.key());
        return altered != null && altered == transaction;
    }

    public boolean addedNotValidInTransaction(String constraint, int transaction) {
        Integer added = notValidConstraintsIn.get(constraint);
        return added != null && added == transaction;
    }

    public boolean notNullProvenByCheck(QualifiedName table, String column) {
        return checkedNotNull.contains(table.key() + "." + column);
    }

    /** Whether a lock_timeout is in force for the statement about to run (SET LOCAL lasts until its transaction ends). */
    /** The type an earlier statement of the review gave a column of an existing table, if any. */
    public Optional<TypeName> changedType(QualifiedName table, String column) {
        return Optional.ofNullable(changedTypes.get(table.key() + "." + column));
    }

    public boolean lockTimeoutSet() {
        return lockTimeout.inForce(currentTransaction, currentInTransaction);
    }

    /** For the review engine: the statement about to be checked runs in this transaction. */
    public void enter(int transaction, boolean inTransaction) {
        currentTransaction = transaction;
        currentInTransaction = inTransaction;
    }

    /** For the review engine: a new file starts; per-file facts are forgotten, the objects created stay. */
    public void startFile() {
        alteredIn.clear();
        notValidConstraintsIn.clear();
        lockTimeout = new LockTimeoutTracker();
    }

    /** For the review engine: records the effect of a statement that ran in {@code transaction}. */
    public void apply(Statement statement, int transaction, boolean inTransaction) {
        switch (statement) {
            case Statement.CreateTable create -> {
                NewTable table = new NewTable();
                for (ColumnDefinition column : create.columns()) {
                    table.columns.put(column.name(), column.type());
                    if (column.notNull()) {
                        table.notNullColumns.add(column.name());
                    }
                    table.primaryKey |= column.primaryKey();
                }
                for (TableConstraint constraint : create.constraints()) {
                    table.primaryKey |= constraint.kind() == TableConstraint.Kind.PRIMARY_KEY;
                }
                newTables.put(create.table().key(), table);
            }
            case Statement.CreateIndex index -> index.name()
                    .ifPresent(name -> newIndexes.put(new QualifiedName(index.table().schema(), name).key(), index.table().key()));
            case Statement.CreateView view -> newViews.add(view.view().key());
            case Statement.Drop drop when drop.objectType().equals("table") -> drop.names().forEach(name -> newTables.remove(name.key()));
            case Statement.AlterTable alter -> applyAlter(alter, transaction, inTransaction);
            case Statement.SetParameter set -> lockTimeout.apply(set, transaction, inTransaction);
            default -> {
            }
        }
    }

    private void applyAlter(Statement.AlterTable alter, int transaction, boolean inTransaction) {
        String key = alter.table().key();
        if (inTransaction) {
            alteredIn.put(key, transaction);
        }
        NewTable table = newTables.get(key);
        for (AlterAction action : alter.actions()) {
            switch (action) {
                case AlterAction.AddColumn add when table != null -> table.columns.put(add.column().name(), add.column().type());
                case AlterAction.AlterColumnType change -> {
                    if (table != null) {
                        table.columns.put(change.column(), change.type());
                    } else {
                        changedTypes.put(key + "." + change.column(), change.type());
                    }
                }
                case AlterAction.AddConstraint add -> {
                    TableConstraint constraint = add.constraint();
                    if (constraint.notValid() && constraint.name().isPresent()) {
                        notValidConstraintsIn.put(constraint.name().get(), inTransaction ? transaction : -1);
                    }
                    if (constraint.kind() == TableConstraint.Kind.CHECK) {
                        var matcher = IS_NOT_NULL.matcher(constraint.expression().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip());
                        if (matcher.matches()) {
                            String column = key + "." + matcher.group(1);
                            if (constraint.notValid()) {
                                constraint.name().ifPresent(name -> pendingNotNullChecks.put(name, column));
                            } else {
                                checkedNotNull.add(column);
                            }
                        }
                    }
                    if (constraint.kind() == TableConstraint.Kind.PRIMARY_KEY && table != null) {
                        table.primaryKey = true;
                    }
                }
                case AlterAction.ValidateConstraint validate -> {
                    String column = pendingNotNullChecks.remove(validate.name());
                    if (column != null) {
                        checkedNotNull.add(column);
                    }
                }
                case AlterAction.RenameTable rename -> {
                    if (table != null) {
                        newTables.remove(key);
                        newTables.put(new QualifiedName(alter.table().schema(), rename.to()).key(), table);
                    }
                }
                default -> {
                }
            }
        }
    }
}
