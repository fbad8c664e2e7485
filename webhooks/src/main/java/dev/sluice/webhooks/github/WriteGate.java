package dev.sluice.webhooks.github;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets one write to GitHub at a time through per installation. GitHub asks integrators to make
 * requests for one installation serially, not concurrently (its secondary rate limits punish
 * bursts of parallel writes); reads are not held back. The default lets writes through one at a
 * time within this process; the controller adds a lock that holds across its replicas.
 */
public interface WriteGate {

    /** A write, which may throw like any call to GitHub. */
    @FunctionalInterface
    interface Write<T> {
        T send() throws IOException;
    }

    /** Sends {@code write} when no other write for {@code installation} is under way. */
    <T> T serially(long installation, Write<T> write) throws IOException;

    /** One write at a time per installation within this process. */
    static WriteGate inProcess() {
        return new InProcess();
    }

    /** One lock per installation, fair, so a steady stream of writes cannot starve one. */
    final class InProcess implements WriteGate {

        private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();

        /** The lock of an installation, for gates that add their own step while holding it. */
        public ReentrantLock lockOf(long installation) {
            return locks.computeIfAbsent(installation, key -> new ReentrantLock(true));
        }

        @Override
        public <T> T serially(long installation, Write<T> write) throws IOException {
            ReentrantLock lock = lockOf(installation);
            lock.lock();
            try {
                return write.send();
            } finally {
                lock.unlock();
            }
        }
    }
}
