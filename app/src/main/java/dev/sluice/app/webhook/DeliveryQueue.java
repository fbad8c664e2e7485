package dev.sluice.app.webhook;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * The work queue over {@code sluice.delivery}. Several controller replicas share it: a claim takes
 * due rows with {@code FOR UPDATE SKIP LOCKED} and leases them by moving their next attempt into
 * the future, so a replica that dies mid-work gives them back when the lease runs out; nothing is
 * lost on a crash and no row is worked on twice at once.
 */
@Singleton
public class DeliveryQueue {

    /** A claimed delivery: what to handle, and which attempt this is. */
    public record Claimed(String id, String event, byte[] body, int attempt) {
    }

    static final Duration LEASE = Duration.ofMinutes(10);
    static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2));

    private final DataSource dataSource;

    DeliveryQueue(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Claims up to {@code limit} due deliveries of the given events, oldest first. */
    public List<Claimed> claim(Collection<String> events, int limit) throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            Array eventArray = connection.createArrayOf("text", events.toArray());
            try (PreparedStatement claim = connection.prepareStatement("""
                    UPDATE sluice.delivery d
                    SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => ?)
                    FROM (SELECT id FROM sluice.delivery
                          WHERE state = 'queued' AND next_attempt_at <= now() AND event = ANY(?)
                          ORDER BY received_at LIMIT ? FOR UPDATE SKIP LOCKED) due
                    WHERE d.id = due.id
                    RETURNING d.id, d.event, d.body, d.attempts""")) {
                claim.setLong(1, LEASE.toSeconds());
                claim.setArray(2, eventArray);
                claim.setInt(3, limit);
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(new Claimed(rows.getString(1), rows.getString(2), rows.getBytes(3), rows.getInt(4)));
                    }
                }
            }
        }
        return claimed;
    }

    public void done(String id, String summary) throws SQLException {
        update("UPDATE sluice.delivery SET state = 'done', last_error = NULL WHERE id = ?", id);
    }

    /** Schedules another attempt after a backoff (and not before {@code notBefore}), or parks the delivery when the attempts are used up. */
    public boolean retryOrPark(String id, int attempt, String error, java.util.Optional<java.time.Instant> notBefore)
            throws SQLException {
        if (attempt > BACKOFF.size()) {
            park(id, error);
            return false;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement retry = connection.prepareStatement("""
                     UPDATE sluice.delivery SET next_attempt_at = greatest(now() + make_interval(secs => ?), ?), last_error = ?
                     WHERE id = ?""")) {
            retry.setLong(1, BACKOFF.get(attempt - 1).toSeconds());
            retry.setTimestamp(2, notBefore.map(java.sql.Timestamp::from).orElse(new java.sql.Timestamp(0)));
            retry.setString(3, error);
            retry.setString(4, id);
            retry.executeUpdate();
        }
        return true;
    }

    /** Gives a claimed delivery back untouched (the controller is stopping): due at once, the claim not counted as an attempt. */
    public void giveBack(String id) throws SQLException {
        update("UPDATE sluice.delivery SET attempts = attempts - 1, next_attempt_at = now() WHERE id = ? AND state = 'queued'", id);
    }

    public void park(String id, String error) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement park = connection.prepareStatement("UPDATE sluice.delivery SET state = 'parked', last_error = ? WHERE id = ?")) {
            park.setString(1, error);
            park.setString(2, id);
            park.executeUpdate();
        }
    }

    private void update(String sql, String id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            statement.executeUpdate();
        }
    }
}
