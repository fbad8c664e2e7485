package dev.sluice.rollout.pipeline;

import dev.sluice.rollout.controller.AuditEntry;
import dev.sluice.rollout.controller.AuditLog;
import dev.sluice.rollout.controller.Outbox;
import dev.sluice.rollout.controller.OutboxKind;
import dev.sluice.rollout.controller.Transactions;
import dev.sluice.rollout.release.Release;
import dev.sluice.rollout.release.ReleaseDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Approvals ({@code sluice.approval}). Callers decide who may approve (GitHub's permission and team
 * APIs, at the moment of the command); this store keeps what was decided, bound to a migration
 * digest, and writes every approval given, withdrawn, voided or refused to the audit trail.
 * Nothing is deleted: a voided approval keeps its row with when and why.
 */
public final class Approvals {

    private final Transactions transactions;

    public Approvals(Transactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Records an approval of {@code digest}. {@code release} is the pull request's release once it
     * is merged (for the audit line and the release comment), empty before.
     */
    public ApprovalResult give(String repository, int pullRequest, String environment, String digest, String actor,
            ApprovalSource source, Optional<Release> release) {
        return transactions.inTransaction(connection -> {
            for (Approval standing : standing(connection, repository, pullRequest, environment)) {
                if (standing.actor().equalsIgnoreCase(actor) && standing.digest().equals(digest)) {
                    return new ApprovalResult.AlreadyGiven(standing);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO sluice.approval (repository, pull_request, environment, digest, actor, source)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, repository);
                insert.setInt(2, pullRequest);
                insert.setString(3, environment);
                insert.setString(4, digest);
                insert.setString(5, actor);
                insert.setString(6, source.word());
                insert.executeUpdate();
            }
            audit(connection, actor, "approval-given", repository, environment, release,
                    "pull request #" + pullRequest + ", digest " + ReleaseDigest.shortForm(digest) + ", by " + source.word());
            refreshComment(connection, release);
            Approval given = standing(connection, repository, pullRequest, environment).stream()
                    .filter(approval -> approval.actor().equals(actor) && approval.digest().equals(digest)).findFirst().orElseThrow();
            return new ApprovalResult.Recorded(given);
        });
    }

    /** Takes back the actor's standing approvals for the environment; returns what was withdrawn. */
    public List<Approval> withdraw(String repository, int pullRequest, String environment, String actor, Optional<Release> release) {
        return transactions.inTransaction(connection -> {
            List<Approval> withdrawn = new ArrayList<>();
            for (Approval standing : standing(connection, repository, pullRequest, environment)) {
                if (standing.actor().equalsIgnoreCase(actor)) {
                    voidOne(connection, standing, "withdrawn by " + actor);
                    withdrawn.add(standing);
                }
            }
            if (!withdrawn.isEmpty()) {
                audit(connection, actor, "approval-withdrawn", repository, environment, release, "pull request #" + pullRequest);
                refreshComment(connection, release);
            }
            return withdrawn;
        });
    }

    /**
     * Voids every standing approval of the pull request that approved another digest than
     * {@code currentDigest} (a push changed the migrations); returns what was voided.
     */
    public List<Approval> voidOutdated(String repository, int pullRequest, String currentDigest, String actor, String reason) {
        return transactions.inTransaction(connection -> {
            List<Approval> voided = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT DISTINCT environment FROM sluice.approval
                    WHERE repository = ? AND pull_request = ? AND voided_at IS NULL AND digest <> ?""")) {
                query.setString(1, repository);
                query.setInt(2, pullRequest);
                query.setString(3, currentDigest);
                try (ResultSet rows = query.executeQuery()) {
                    List<String> environments = new ArrayList<>();
                    while (rows.next()) {
                        environments.add(rows.getString(1));
                    }
                    for (String environment : environments) {
                        for (Approval standing : standing(connection, repository, pullRequest, environment)) {
                            if (!standing.digest().equals(currentDigest)) {
                                voidOne(connection, standing, reason);
                                voided.add(standing);
                                audit(connection, actor, "approval-voided", repository, environment, Optional.empty(),
                                        standing.actor() + "'s approval of pull request #" + pullRequest + ": " + reason);
                            }
                        }
                    }
                }
            }
            return voided;
        });
    }

    /** Records a refused approval (or unapproval) in the audit trail, with the reason the actor was told. */
    public void refuse(String repository, int pullRequest, String environment, String actor, String reason, Optional<Release> release) {
        transactions.inTransaction(connection -> {
            audit(connection, actor, "approval-refused", repository, environment, release, "pull request #" + pullRequest + ": " + reason);
            return null;
        });
    }

    /** Standing approvals of the pull request for the environment, oldest first. */
    public List<Approval> standing(String repository, int pullRequest, String environment) {
        return transactions.inTransaction(connection -> standing(connection, repository, pullRequest, environment));
    }

    static List<Approval> standing(Connection connection, String repository, int pullRequest, String environment) throws SQLException {
        List<Approval> approvals = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT id, digest, actor, source, given_at FROM sluice.approval
                WHERE repository = ? AND pull_request = ? AND environment = ? AND voided_at IS NULL ORDER BY id""")) {
            query.setString(1, repository);
            query.setInt(2, pullRequest);
            query.setString(3, environment);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    approvals.add(new Approval(rows.getLong(1), repository, pullRequest, environment, rows.getString(2), rows.getString(3),
                            ApprovalSource.valueOf(rows.getString(4).toUpperCase(java.util.Locale.ROOT)),
                            rows.getTimestamp(5).toInstant()));
                }
            }
        }
        return approvals;
    }

    private static void voidOne(Connection connection, Approval approval, String reason) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sluice.approval SET voided_at = now(), void_reason = ? WHERE id = ?")) {
            update.setString(1, reason);
            update.setLong(2, approval.id());
            update.executeUpdate();
        }
    }

    private static void audit(Connection connection, String actor, String action, String repository, String environment,
            Optional<Release> release, String detail) throws SQLException {
        AuditLog.append(connection, AuditEntry.of(actor, action, repository, detail).withEnvironment(environment)
                .withRelease(release.map(Release::version).orElse(null)));
    }

    private static void refreshComment(Connection connection, Optional<Release> release) throws SQLException {
        if (release.isPresent() && release.get().pullRequest().isPresent()) {
            Outbox.enqueue(connection, release.get().repository(), release.get().installation(), OutboxKind.RELEASE_COMMENT,
                    release.get().version(), "");
        }
    }
}
