package dev.sluice.rollout.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * One writer per database: a session-level advisory lock, taken on a connection of its own so it
 * lasts across the transactions of a run and dies with the session if the runner does. Waiting is
 * bounded; a lock that stays held is reported with its holder.
 */
public final class MigrationLock implements AutoCloseable {

    /** "sluice" in ASCII, then 2: the migration lock of target databases (1 is the controller's own schema). */
    public static final long KEY = 0x736c7569636502L;
    private static final Duration POLL = Duration.ofMillis(200);

    private final Connection connection;

    private MigrationLock(Connection connection) {
        this.connection = connection;
    }

    /**
     * Tries until {@code wait} has passed. On {@link LockAttempt.Acquired} the returned lock must be
     * closed to release it; on {@link LockAttempt.Busy} the connection is left to the caller.
     */
    public static Result acquire(Connection connection, Duration wait) throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try (PreparedStatement tryLock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                tryLock.setLong(1, KEY);
                try (ResultSet row = tryLock.executeQuery()) {
                    row.next();
                    if (row.getBoolean(1)) {
                        return new Result(new LockAttempt.Acquired(), Optional.of(new MigrationLock(connection)));
                    }
                }
            }
            if (System.nanoTime() >= deadline) {
                return new Result(holder(connection), Optional.empty());
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(holder(connection), Optional.empty());
            }
        }
    }

    /** What an attempt gave: the outcome, and the lock to release when it was acquired. */
    public record Result(LockAttempt attempt, Optional<MigrationLock> lock) {
    }

    private static LockAttempt holder(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT a.pid, coalesce(a.application_name, ''), a.backend_start
                FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND ((l.classid::bigint << 32) | l.objid::bigint) = ?
                LIMIT 1""")) {
            query.setLong(1, KEY);
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    return new LockAttempt.Busy(row.getInt(1), row.getString(2),
                            Optional.ofNullable(row.getTimestamp(3)).map(java.sql.Timestamp::toInstant));
                }
            }
        }
        return new LockAttempt.Busy(0, "", Optional.empty()); // released between the two queries
    }

    @Override
    public void close() throws SQLException {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, KEY);
            unlock.execute();
        }
    }
}
