package dev.sluice.rollout.pipeline;

import dev.sluice.rollout.controller.AuditEntry;
import dev.sluice.rollout.controller.AuditLog;
import dev.sluice.rollout.controller.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Brakes people can pull: {@code /sluice pause <env>} stops new deployments starting in an
 * environment of a repository (a running one stops before its next database); the
 * {@code sluice/hold} label holds one pull request's release in every environment. Each change
 * goes to the audit trail.
 */
public final class Holds {

    private final Transactions transactions;

    public Holds(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Pauses the environment; false when it was paused already. */
    public boolean pause(String repository, String environment, String actor) {
        return change("INSERT INTO sluice.environment_pause (repository, environment, paused_by) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                repository, environment, actor, AuditEntry.of(actor, "paused", repository, "").withEnvironment(environment));
    }

    /** Resumes the environment; false when it was not paused. */
    public boolean resume(String repository, String environment, String actor) {
        return change("DELETE FROM sluice.environment_pause WHERE repository = ? AND environment = ? AND ?::text IS NOT NULL",
                repository, environment, actor, AuditEntry.of(actor, "resumed", repository, "").withEnvironment(environment));
    }

    /** Who paused the environment, if it is paused. */
    public Optional<String> pausedBy(String repository, String environment) {
        return transactions.inTransaction(connection -> pausedBy(connection, repository, environment));
    }

    static Optional<String> pausedBy(Connection connection, String repository, String environment) throws SQLException {
        return who(connection, "SELECT paused_by FROM sluice.environment_pause WHERE repository = ? AND environment = ?", repository,
                environment);
    }

    /** Holds the pull request's release; false when it was held already. */
    public boolean hold(String repository, int pullRequest, String actor) {
        return change("INSERT INTO sluice.pull_request_hold (repository, pull_request, held_by) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                repository, pullRequest, actor, AuditEntry.of(actor, "held", repository, "pull request #" + pullRequest));
    }

    /** Lets the pull request's release go on; false when it was not held. */
    public boolean unhold(String repository, int pullRequest, String actor) {
        return change("DELETE FROM sluice.pull_request_hold WHERE repository = ? AND pull_request = ? AND ?::text IS NOT NULL",
                repository, pullRequest, actor, AuditEntry.of(actor, "hold-lifted", repository, "pull request #" + pullRequest));
    }

    public Optional<String> heldBy(String repository, int pullRequest) {
        return transactions.inTransaction(connection -> heldBy(connection, repository, pullRequest));
    }

    static Optional<String> heldBy(Connection connection, String repository, int pullRequest) throws SQLException {
        return who(connection, "SELECT held_by FROM sluice.pull_request_hold WHERE repository = ? AND pull_request = ?", repository,
                pullRequest);
    }

    private boolean change(String sql, String repository, Object key, String actor, AuditEntry entry) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, repository);
                statement.setObject(2, key);
                statement.setString(3, actor);
                if (statement.executeUpdate() == 0) {
                    return false;
                }
            }
            AuditLog.append(connection, entry);
            return true;
        });
    }

    private static Optional<String> who(Connection connection, String sql, String repository, Object key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, repository);
            query.setObject(2, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
