package dev.sluice.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sluice.rollout.controller.Transactions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each repository's environments stand, read from the deployments of its releases: what is
 * deployed, what holds the environment now, and how many releases have yet to go through it.
 */
@Singleton
final class EnvironmentQueries {

    /**
     * One environment of one repository.
     *
     * @param deployed     the newest release whose deploy here succeeded
     * @param lastRollback a rollback that succeeded here after that deploy, if any
     * @param next         what goes next: a rollback asked for, else the oldest release not yet through (waiting, ready,
     *                     running, or failed, which stops the environment until it is retried)
     * @param queued       releases whose deploy here has not succeeded, counting {@code next} when it is a deploy
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Environment(String repository, String environment, int position, @Nullable Deployed deployed,
            @Nullable Rollback lastRollback, @Nullable Next next, @Nullable String pausedBy, @Nullable String pausedAt, int queued) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Deployed(String release, @Nullable String finishedAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Rollback(String release, @Nullable String toVersion, @Nullable String finishedAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Next(String release, String kind, String state, String reason, int attempt, @Nullable String startedAt) {
    }

    private final Transactions transactions;

    EnvironmentQueries(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Every environment any release was cut for, or that is paused; by repository, then in promotion order. */
    List<Environment> all() {
        return transactions.inTransaction(connection -> {
            List<Environment> environments = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT repository, environment, max(position) AS position FROM (
                        SELECT r.repository, d.environment, d.position
                        FROM sluice.deployment d JOIN sluice.release r ON r.id = d.release_id
                        UNION ALL
                        SELECT repository, environment, NULL FROM sluice.environment_pause) known
                    GROUP BY repository, environment
                    ORDER BY repository, max(position) NULLS LAST, environment""");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    environments.add(environment(connection, rows.getString(1), rows.getString(2), rows.getInt(3)));
                }
            }
            return environments;
        });
    }

    private static Environment environment(Connection connection, String repository, String environment, int position)
            throws SQLException {
        Deployed deployed = null;
        Timestamp deployedAt = null;
        try (PreparedStatement query = prepare(connection, """
                SELECT r.version, d.finished_at FROM sluice.deployment d JOIN sluice.release r ON r.id = d.release_id
                WHERE r.repository = ? AND d.environment = ? AND d.kind = 'deploy' AND d.state = 'succeeded'
                ORDER BY r.id DESC LIMIT 1""", repository, environment); ResultSet row = query.executeQuery()) {
            if (row.next()) {
                deployedAt = row.getTimestamp(2);
                deployed = new Deployed(row.getString(1), text(deployedAt));
            }
        }
        Rollback rollback = null;
        try (PreparedStatement query = prepare(connection, """
                SELECT r.version, d.to_version, d.finished_at FROM sluice.deployment d JOIN sluice.release r ON r.id = d.release_id
                WHERE r.repository = ? AND d.environment = ? AND d.kind = 'rollback' AND d.state = 'succeeded'
                  AND (?::timestamptz IS NULL OR d.finished_at > ?)
                ORDER BY d.finished_at DESC, d.id DESC LIMIT 1""", repository, environment, deployedAt, deployedAt);
             ResultSet row = query.executeQuery()) {
            if (row.next()) {
                rollback = new Rollback(row.getString(1), row.getString(2), text(row.getTimestamp(3)));
            }
        }
        // The pipeline's own order: a rollback asked for goes first, then releases oldest first.
        Next next = null;
        try (PreparedStatement query = prepare(connection, """
                SELECT r.version, d.kind, d.state, d.reason, d.attempt, d.started_at
                FROM sluice.deployment d JOIN sluice.release r ON r.id = d.release_id
                WHERE r.repository = ? AND d.environment = ?
                  AND ((d.kind = 'rollback' AND d.state IN ('ready', 'running')) OR (d.kind = 'deploy' AND d.state <> 'succeeded'))
                ORDER BY d.kind = 'deploy', r.id, d.id LIMIT 1""", repository, environment); ResultSet row = query.executeQuery()) {
            if (row.next()) {
                next = new Next(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getInt(5),
                        text(row.getTimestamp(6)));
            }
        }
        int queued;
        try (PreparedStatement query = prepare(connection, """
                SELECT count(*) FROM sluice.deployment d JOIN sluice.release r ON r.id = d.release_id
                WHERE r.repository = ? AND d.environment = ? AND d.kind = 'deploy' AND d.state <> 'succeeded'""", repository, environment);
             ResultSet row = query.executeQuery()) {
            row.next();
            queued = row.getInt(1);
        }
        String pausedBy = null;
        String pausedAt = null;
        try (PreparedStatement query = prepare(connection,
                "SELECT paused_by, paused_at FROM sluice.environment_pause WHERE repository = ? AND environment = ?", repository, environment);
             ResultSet row = query.executeQuery()) {
            if (row.next()) {
                pausedBy = row.getString(1);
                pausedAt = text(row.getTimestamp(2));
            }
        }
        return new Environment(repository, environment, position, deployed, rollback, next, pausedBy, pausedAt, queued);
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static @Nullable String text(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().toString();
    }
}
