package dev.sluice.rollout.pipeline;

import dev.sluice.rollout.config.ApprovalPolicy;
import dev.sluice.rollout.config.EnvironmentConfig;
import dev.sluice.rollout.config.ProjectConfig;
import dev.sluice.rollout.controller.Transactions;
import dev.sluice.rollout.release.Release;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads deployments and their databases ({@code sluice.deployment}, {@code sluice.deployment_target}). */
public final class Deployments {

    static final String COLUMNS = """
            id, release_id, environment, position, kind, to_version, state, reason, requested_by, created_at, started_at, finished_at,
            attempt""";

    private final Transactions transactions;

    public Deployments(Transactions transactions) {
        this.transactions = transactions;
    }

    /** The release with every deployment of it, each with its databases and the approvals that count. */
    public ReleaseStatus status(Release release) {
        return transactions.inTransaction(connection -> status(connection, release));
    }

    static ReleaseStatus status(Connection connection, Release release) throws SQLException {
        ProjectConfig policy = release.policy();
        List<EnvironmentStatus> environments = new ArrayList<>();
        for (Deployment deployment : ofRelease(connection, release.id())) {
            Optional<EnvironmentConfig> environment = policy.environment(deployment.environment());
            int required = environment.map(EnvironmentConfig::approval)
                    .map(approval -> approval instanceof ApprovalPolicy.Approvers approvers ? approvers.required() : 0).orElse(0);
            List<Approval> approvals = release.pullRequest().isEmpty() ? List.of()
                    : Approvals.standing(connection, release.repository(), release.pullRequest().get(), deployment.environment()).stream()
                            .filter(approval -> approval.digest().equals(release.digest())).toList();
            environments.add(new EnvironmentStatus(deployment, targets(connection, deployment.id()), approvals, required));
        }
        return new ReleaseStatus(release, environments);
    }

    public List<Deployment> ofRelease(long releaseId) {
        return transactions.inTransaction(connection -> ofRelease(connection, releaseId));
    }

    static List<Deployment> ofRelease(Connection connection, long releaseId) throws SQLException {
        return query(connection, "SELECT " + COLUMNS + " FROM sluice.deployment WHERE release_id = ? ORDER BY kind = 'rollback', position, id",
                releaseId);
    }

    public Optional<Deployment> byId(long id) {
        return transactions.inTransaction(connection -> byId(connection, id));
    }

    static Optional<Deployment> byId(Connection connection, long id) throws SQLException {
        return query(connection, "SELECT " + COLUMNS + " FROM sluice.deployment WHERE id = ?", id).stream().findFirst();
    }

    static Optional<Deployment> deployOf(Connection connection, long releaseId, String environment) throws SQLException {
        return query(connection, "SELECT " + COLUMNS + " FROM sluice.deployment WHERE release_id = ? AND environment = ? AND kind = 'deploy'",
                releaseId, environment).stream().findFirst();
    }

    public List<TargetRun> targets(long deploymentId) {
        return transactions.inTransaction(connection -> targets(connection, deploymentId));
    }

    static List<TargetRun> targets(Connection connection, long deploymentId) throws SQLException {
        List<TargetRun> runs = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT target, database, ordinal, state, versions, detail, attempts, started_at, finished_at
                FROM sluice.deployment_target WHERE deployment_id = ? ORDER BY ordinal""")) {
            query.setLong(1, deploymentId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Timestamp started = rows.getTimestamp(8);
                    Timestamp finished = rows.getTimestamp(9);
                    Optional<Duration> duration = started != null && finished != null
                            ? Optional.of(Duration.between(started.toInstant(), finished.toInstant())) : Optional.empty();
                    String versions = rows.getString(5);
                    runs.add(new TargetRun(rows.getString(1), rows.getString(2), rows.getInt(3), TargetRunState.of(rows.getString(4)),
                            versions.isEmpty() ? List.of() : Arrays.asList(versions.split(",")), rows.getString(6), rows.getInt(7), duration));
                }
            }
        }
        return runs;
    }

    static List<Deployment> query(Connection connection, String sql, Object... parameters) throws SQLException {
        List<Deployment> deployments = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    deployments.add(read(rows));
                }
            }
        }
        return deployments;
    }

    private static Deployment read(ResultSet row) throws SQLException {
        return new Deployment(row.getLong("id"), row.getLong("release_id"), row.getString("environment"), row.getInt("position"),
                DeploymentKind.of(row.getString("kind")), Optional.ofNullable(row.getString("to_version")),
                DeploymentState.of(row.getString("state")), row.getString("reason"), row.getString("requested_by"),
                row.getTimestamp("created_at").toInstant(), instant(row, "started_at"), instant(row, "finished_at"), row.getInt("attempt"));
    }

    private static Optional<java.time.Instant> instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? Optional.empty() : Optional.of(value.toInstant());
    }
}
