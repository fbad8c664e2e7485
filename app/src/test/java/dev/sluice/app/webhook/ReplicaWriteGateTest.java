package dev.sluice.app.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testsupport.PostgresTest;
import dev.sluice.testsupport.TestDatabase;
import java.io.InterruptedIOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Writes to GitHub for one installation, one at a time, across replicas sharing the controller database. */
@PostgresTest
class ReplicaWriteGateTest {

    @Test
    void twoReplicasNeverWriteForOneInstallationAtOnce(TestDatabase database) throws Exception {
        List<ReplicaWriteGate> replicas = List.of(new ReplicaWriteGate(database.dataSource()), new ReplicaWriteGate(database.dataSource()));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int thread = 0; thread < 6; thread++) {
                ReplicaWriteGate gate = replicas.get(thread % 2);
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        gate.serially(42, () -> {
                            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                            pause(10);
                            inFlight.decrementAndGet();
                            return sent.incrementAndGet();
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get(1, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(sent).hasValue(30);
        assertThat(most).as("writes under way at once for installation 42").hasValue(1);
    }

    @Test
    void installationsDoNotWaitForEachOther(TestDatabase database) throws Exception {
        ReplicaWriteGate one = new ReplicaWriteGate(database.dataSource());
        ReplicaWriteGate other = new ReplicaWriteGate(database.dataSource());
        CountDownLatch otherWrote = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            // Installation 1's write waits, inside the gate, for installation 2's: only possible if they do not queue behind each other.
            Future<Boolean> first = thread.submit(() -> one.serially(1, () -> awaited(otherWrote)));
            Thread.sleep(200);
            other.serially(2, () -> {
                otherWrote.countDown();
                return null;
            });
            assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void aDataSourceThatRefusesConnectionsDoesNotHoldWritesBack() throws Exception {
        // As Micronaut's transaction-aware data source answers outside a transaction.
        DataSource refusing = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    throw new IllegalStateException("No current connection present");
                });

        assertThat(new ReplicaWriteGate(refusing).serially(42, () -> "sent")).isEqualTo("sent");
    }

    @Test
    void aControllerDatabaseThatCannotBeReachedDoesNotHoldWritesBack() throws Exception {
        PGSimpleDataSource gone = new PGSimpleDataSource();
        gone.setUrl("jdbc:postgresql://127.0.0.1:1/sluice?connectTimeout=2");

        assertThat(new ReplicaWriteGate(gone).serially(42, () -> "sent")).isEqualTo("sent");
    }

    private static void pause(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis); // a write to GitHub taking its time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    private static boolean awaited(CountDownLatch latch) throws InterruptedIOException {
        try {
            return latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }
}
