package dev.sluice.app.webhook;

import dev.sluice.rollout.controller.Transactions;
import dev.sluice.webhooks.github.WriteGate;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One write to GitHub at a time per installation across every replica: a fair lock in this
 * process, then a transaction-scoped advisory lock on the controller database, held while the
 * write is sent. The wait is bounded: after {@link #WAIT} (a write hung elsewhere) or when the
 * database cannot be reached, the write goes out anyway. Serialising is a courtesy GitHub asks
 * for; a report must never wait for it indefinitely.
 */
@Singleton
public final class ReplicaWriteGate implements WriteGate {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaWriteGate.class);
    static final String WAIT = "30s";

    private final WriteGate.InProcess local = new WriteGate.InProcess();
    private final DataSource dataSource;

    @Inject
    ReplicaWriteGate(Transactions transactions) {
        this(transactions.dataSource());
    }

    /** On the pool itself: Micronaut's transaction-aware proxy refuses connections outside its transactions. */
    ReplicaWriteGate(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T serially(long installation, Write<T> write) throws IOException {
        ReentrantLock lock = local.lockOf(installation);
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return write.send(); // a write on the way to another one: this thread holds the gate already
            }
            Connection connection = lockAcrossReplicas(installation);
            try {
                return write.send();
            } finally {
                release(connection);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The connection whose transaction holds the installation's lock, or null when it could not be had in time. */
    private Connection lockAcrossReplicas(long installation) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (Statement wait = connection.createStatement()) {
                wait.execute("SET LOCAL lock_timeout = '" + WAIT + "'");
            }
            try (PreparedStatement take = connection.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtext('sluice.github-write'), ?)")) {
                take.setInt(1, Long.hashCode(installation));
                take.execute();
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Writing to GitHub for installation {} without waiting for other replicas: {}", installation, e.getMessage());
            release(connection);
            return null;
        }
    }

    private static void release(Connection connection) {
        if (connection == null) {
            return;
        }
        try (connection) {
            connection.rollback(); // ends the transaction, and with it the lock
        } catch (SQLException e) {
            LOG.debug("Releasing the GitHub write lock: {}", e.getMessage()); // closing the connection ends it too
        }
    }
}
