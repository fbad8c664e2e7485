package dev.sluice.app.ops;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.ApplicationShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graceful shutdown, shared by the workers. Each piece of work (a queue drain, an outbox pass, a
 * pipeline pass) {@linkplain #enter() enters} before it claims anything and {@linkplain #leave()
 * leaves} after. On shutdown no new work enters, and the work already in hand gets up to
 * {@code sluice.shutdown.grace} (default 30s) to finish before the connections close. What is cut
 * off is handed back by the database: a delivery's or outbox row's lease runs out, a deployment's
 * advisory lock dies with its connection, and another replica carries on.
 */
@Singleton
public class ShutdownSignal {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignal.class);

    private final Duration grace;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private boolean stopping;
    private int active;

    ShutdownSignal(@Value("${sluice.shutdown.grace:30s}") Duration grace) {
        this.grace = grace;
    }

    /** True once the controller is shutting down: claim nothing new. */
    public boolean stopping() {
        lock.lock();
        try {
            return stopping;
        } finally {
            lock.unlock();
        }
    }

    /** Starts a piece of work; false when shutting down, and then the caller claims nothing. */
    public boolean enter() {
        lock.lock();
        try {
            if (stopping) {
                return false;
            }
            active++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Ends a piece of work that {@link #enter()} started. */
    public void leave() {
        lock.lock();
        try {
            active--;
            if (active == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops new work and waits, up to the grace period, for the work in hand; true when it all finished. */
    public boolean stopAndAwait() {
        lock.lock();
        try {
            if (!stopping) {
                stopping = true;
                if (active > 0) {
                    LOG.info("Shutting down: waiting up to {}s for {} piece{} of work in hand", grace.toSeconds(), active,
                            active == 1 ? "" : "s");
                }
            }
            long nanos = grace.toNanos();
            while (active > 0 && nanos > 0) {
                nanos = idle.awaitNanos(nanos);
            }
            if (active > 0) {
                LOG.warn("Shutting down with {} piece{} of work unfinished after {}s: leases and locks hand it to the next controller",
                        active, active == 1 ? "" : "s", grace.toSeconds());
                return false;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** The HTTP server stopped (it stops first on SIGTERM): stop claiming while the database is still open. */
    @EventListener
    void onShutdown(ApplicationShutdownEvent event) {
        stopAndAwait();
    }

    /** For contexts without a server (tests, commands): the same, as the context closes. */
    @PreDestroy
    void close() {
        stopAndAwait();
    }
}
