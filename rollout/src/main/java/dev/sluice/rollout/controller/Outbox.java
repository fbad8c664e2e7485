package dev.sluice.rollout.controller;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reports owed to GitHub ({@code sluice.outbox}). State changes enqueue their report on their own
 * connection, so both commit together; a sender claims due rows (several replicas share the
 * queue with {@code FOR UPDATE SKIP LOCKED} and a lease), sends, and marks them done. Refreshes of
 * one comment or check run coalesce; a refresh enqueued while one is being sent bumps its
 * revision without breaking the lease (no second replica sends it meanwhile), and the sender's
 * {@link #done} then leaves it queued for one more pass, so the last state always reaches GitHub.
 * A refresh of a report that is backing off waits for its retry, which renders the latest state.
 */
public final class Outbox {

    static final Duration LEASE = Duration.ofMinutes(5);
    static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4));

    private final Transactions transactions;

    public Outbox(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Enqueues on the caller's connection (inside its transaction). */
    public static void enqueue(Connection connection, String repository, long installation, OutboxKind kind, String subject,
            String body) throws SQLException {
        String sql = kind.coalesces()
                ? """
                  INSERT INTO sluice.outbox (repository, installation_id, kind, subject, body) VALUES (?, ?, ?, ?, ?)
                  ON CONFLICT (repository, kind, subject)
                      WHERE state = 'queued' AND kind IN ('release-comment', 'deploy-check', 'drift-issue')
                  DO UPDATE SET revision = sluice.outbox.revision + 1 """
                : "INSERT INTO sluice.outbox (repository, installation_id, kind, subject, body) VALUES (?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, repository);
            insert.setLong(2, installation);
            insert.setString(3, kind.word());
            insert.setString(4, subject);
            insert.setString(5, body);
            insert.executeUpdate();
        }
    }

    public void enqueue(String repository, long installation, OutboxKind kind, String subject, String body) {
        transactions.inTransaction(connection -> {
            enqueue(connection, repository, installation, kind, subject, body);
            return null;
        });
    }

    /** Claims up to {@code limit} due reports, oldest first, leasing them to this sender. */
    public List<OutboxMessage> claim(int limit) {
        return transactions.inTransaction(connection -> {
            List<OutboxMessage> claimed = new ArrayList<>();
            try (PreparedStatement claim = connection.prepareStatement("""
                    UPDATE sluice.outbox o
                    SET attempts = o.attempts + 1, leased_until = now() + make_interval(secs => ?)
                    FROM (SELECT id FROM sluice.outbox WHERE state = 'queued' AND next_attempt_at <= now()
                                 AND (leased_until IS NULL OR leased_until < now())
                          ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED) due
                    WHERE o.id = due.id
                    RETURNING o.id, o.repository, o.installation_id, o.kind, o.subject, o.body, o.attempts, o.revision""")) {
                claim.setLong(1, LEASE.toSeconds());
                claim.setInt(2, limit);
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(new OutboxMessage(rows.getLong(1), rows.getString(2), rows.getLong(3), OutboxKind.of(rows.getString(4)),
                                rows.getString(5), rows.getString(6), rows.getInt(7), rows.getInt(8)));
                    }
                }
            }
            claimed.sort(java.util.Comparator.comparingLong(OutboxMessage::id));
            return claimed;
        });
    }

    /**
     * Marks the report sent. When its state moved on while it was being sent (a newer revision),
     * it stays queued, due at once, for one more pass; returns whether it is done.
     */
    public boolean done(OutboxMessage message) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement done = connection.prepareStatement(
                    "UPDATE sluice.outbox SET state = 'done', last_error = NULL, leased_until = NULL WHERE id = ? AND revision = ?")) {
                done.setLong(1, message.id());
                done.setInt(2, message.revision());
                if (done.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement again = connection.prepareStatement(
                    "UPDATE sluice.outbox SET next_attempt_at = now(), attempts = 0, leased_until = NULL WHERE id = ?")) {
                again.setLong(1, message.id());
                again.executeUpdate();
            }
            return false;
        });
    }

    /** Schedules another attempt after a backoff (and not before {@code notBefore}), or parks it when attempts are used up. */
    public boolean retryOrPark(OutboxMessage message, String error, Optional<Instant> notBefore) {
        if (message.attempt() > BACKOFF.size()) {
            park(message, error);
            return false;
        }
        transactions.inTransaction(connection -> {
            try (PreparedStatement retry = connection.prepareStatement("""
                    UPDATE sluice.outbox SET next_attempt_at = greatest(now() + make_interval(secs => ?), ?), last_error = ?,
                                            leased_until = NULL
                    WHERE id = ?""")) {
                retry.setLong(1, BACKOFF.get(message.attempt() - 1).toSeconds());
                retry.setTimestamp(2, Timestamp.from(notBefore.orElse(Instant.EPOCH)));
                retry.setString(3, error);
                retry.setLong(4, message.id());
                retry.executeUpdate();
            }
            return null;
        });
        return true;
    }

    /** Gives up on the report (GitHub refused it for good); kept with its error for operators. */
    public void park(OutboxMessage message, String error) {
        transactions.inTransaction(connection -> {
            try (PreparedStatement park = connection.prepareStatement(
                    "UPDATE sluice.outbox SET state = 'parked', last_error = ?, leased_until = NULL WHERE id = ?")) {
                park.setString(1, error);
                park.setLong(2, message.id());
                park.executeUpdate();
            }
            return null;
        });
    }

    /** How many reports are waiting to be sent. */
    public int queued() {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM sluice.outbox WHERE state = 'queued'");
                 ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    /** The GitHub id of an object Sluice made under {@code key} (a sticky comment, a check run), if remembered. */
    public Optional<Long> handle(String repository, String key) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT github_id FROM sluice.report_handle WHERE repository = ? AND key = ?")) {
                query.setString(1, repository);
                query.setString(2, key);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    public void rememberHandle(String repository, String key, long githubId) {
        transactions.inTransaction(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO sluice.report_handle (repository, key, github_id) VALUES (?, ?, ?)
                    ON CONFLICT (repository, key) DO UPDATE SET github_id = EXCLUDED.github_id""")) {
                upsert.setString(1, repository);
                upsert.setString(2, key);
                upsert.setLong(3, githubId);
                upsert.executeUpdate();
            }
            return null;
        });
    }
}
