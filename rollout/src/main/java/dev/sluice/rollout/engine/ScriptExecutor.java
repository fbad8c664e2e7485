package dev.sluice.rollout.engine;

import dev.sluice.review.model.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.util.PSQLException;

/**
 * Runs one migration script on a connection: in one transaction with {@code SET LOCAL} timeouts,
 * or, when it cannot run in one, statement by statement in autocommit, each statement sent alone.
 * Before a named CREATE INDEX CONCURRENTLY, an INVALID index of that name left by a failed earlier
 * attempt is dropped; after it, the index must be valid.
 */
final class ScriptExecutor {

    /** A statement failed: where, and what the server said. */
    static final class StatementFailure extends Exception {
        final int line;
        final String sqlState;

        StatementFailure(int line, String sqlState, String message, Throwable cause) {
            super(message, cause);
            this.line = line;
            this.sqlState = sqlState;
        }
    }

    private ScriptExecutor() {
    }

    /** Runs the script and appends {@code success} to the history as part of it (in its transaction when it has one). */
    static void run(Connection connection, ResolvedMigration migration, RunSettings settings, HistoryRow success)
            throws StatementFailure, SQLException {
        Duration lockTimeout = migration.lockTimeout().orElse(settings.lockTimeout());
        Duration statementTimeout = migration.statementTimeout().or(settings::statementTimeout).orElse(Duration.ZERO);
        if (migration.transactional()) {
            connection.setAutoCommit(false);
            try {
                execute(connection, "SET LOCAL lock_timeout = " + millis(lockTimeout), 0);
                execute(connection, "SET LOCAL statement_timeout = " + millis(statementTimeout), 0);
                for (ScriptStatement statement : migration.statements()) {
                    execute(connection, statement.sql(), statement.line());
                }
                SchemaHistory.append(connection, success);
                connection.commit();
            } catch (StatementFailure | SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                restoreAutoCommit(connection);
            }
            return;
        }
        connection.setAutoCommit(true);
        execute(connection, "SET lock_timeout = " + millis(lockTimeout), 0);
        execute(connection, "SET statement_timeout = " + millis(statementTimeout), 0);
        try {
            for (ScriptStatement statement : migration.statements()) {
                if (statement.concurrentIndex().isPresent()) {
                    dropInvalidIndex(connection, statement.concurrentIndex().get(), statement.line());
                }
                execute(connection, statement.sql(), statement.line());
                if (statement.concurrentIndex().isPresent()) {
                    requireValidIndex(connection, statement.concurrentIndex().get(), statement.line());
                }
            }
            SchemaHistory.append(connection, success);
        } finally {
            try (Statement reset = connection.createStatement()) {
                reset.execute("RESET lock_timeout; RESET statement_timeout");
            } catch (SQLException ignored) {
                // a broken connection is reported by the failure that broke it
            }
        }
    }

    private static void execute(Connection connection, String sql, int line) throws StatementFailure {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failure(e, sql, line);
        }
    }

    /** The line of the failing statement, moved to the error's own line when the server says where in the statement. */
    private static StatementFailure failure(SQLException e, String sql, int line) {
        int errorLine = line;
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null && line > 0) {
            int position = psql.getServerErrorMessage().getPosition();
            if (position > 0 && position <= sql.length()) {
                errorLine = line + (int) sql.substring(0, position - 1).chars().filter(c -> c == '\n').count();
            }
        }
        String message = e instanceof PSQLException psql && psql.getServerErrorMessage() != null
                ? psql.getServerErrorMessage().getMessage() : e.getMessage();
        return new StatementFailure(errorLine, e.getSQLState() == null ? "" : e.getSQLState(), message, e);
    }

    private static void dropInvalidIndex(Connection connection, QualifiedName index, int line) throws StatementFailure {
        String found;
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT format('%I.%I', n.nspname, c.relname)
                FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE NOT i.indisvalid AND c.relname = ? AND (n.nspname = ? OR (? = '' AND pg_table_is_visible(c.oid)))""")) {
            query.setString(1, index.name());
            query.setString(2, index.schema());
            query.setString(3, index.schema());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return;
                }
                found = row.getString(1);
            }
        } catch (SQLException e) {
            throw failure(e, "", line);
        }
        // Left INVALID by a failed earlier build: it is not used by queries, still slows writes, and
        // IF NOT EXISTS would keep it. Drop it so the build starts afresh.
        execute(connection, "DROP INDEX CONCURRENTLY IF EXISTS " + found, line);
    }

    private static void requireValidIndex(Connection connection, QualifiedName index, int line) throws StatementFailure {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT i.indisvalid
                FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relname = ? AND (n.nspname = ? OR (? = '' AND pg_table_is_visible(c.oid)))""")) {
            query.setString(1, index.name());
            query.setString(2, index.schema());
            query.setString(3, index.schema());
            try (ResultSet row = query.executeQuery()) {
                if (row.next() && !row.getBoolean(1)) {
                    throw new StatementFailure(line, "", "index " + index + " exists but is INVALID after the build", null);
                }
            }
        } catch (SQLException e) {
            throw failure(e, "", line);
        }
    }

    private static String millis(Duration duration) {
        return "'" + duration.toMillis() + "ms'";
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is gone: the server rolls back by itself
        }
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is gone
        }
    }
}
