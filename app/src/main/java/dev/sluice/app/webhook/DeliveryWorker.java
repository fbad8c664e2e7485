package dev.sluice.app.webhook;

import dev.sluice.app.ops.ShutdownSignal;
import dev.sluice.app.ops.SluiceMetrics;
import dev.sluice.webhooks.handle.DeliveryHandler;
import dev.sluice.webhooks.handle.HandlerResult;
import dev.sluice.webhooks.intake.EventParser;
import dev.sluice.webhooks.intake.ParsedEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Works the delivery queue: claims due deliveries, hands each to the handler of its event, and
 * records the result: done, retried with backoff, or parked with its error (no poison loop).
 * Deliveries of events no handler takes yet stay queued, untouched.
 */
@Singleton
public class DeliveryWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int BATCH = 20;

    private final DeliveryQueue queue;
    private final Map<String, DeliveryHandler> handlers = new HashMap<>();
    private final EventParser parser = new EventParser();
    /** One drain at a time per replica, started at once when a delivery arrives; the schedule covers retries. */
    private final ExecutorService waker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("sluice-queue-", 0).factory());
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final ShutdownSignal shutdown;
    private final SluiceMetrics metrics;

    DeliveryWorker(DeliveryQueue queue, List<DeliveryHandler> handlers, ShutdownSignal shutdown, SluiceMetrics metrics) {
        this.queue = queue;
        this.shutdown = shutdown;
        this.metrics = metrics;
        for (DeliveryHandler handler : handlers) {
            for (String event : handler.events()) {
                DeliveryHandler clash = this.handlers.put(event, handler);
                if (clash != null) {
                    throw new IllegalStateException("two handlers for " + event + ": " + clash.getClass().getSimpleName()
                            + " and " + handler.getClass().getSimpleName());
                }
            }
        }
    }

    @Scheduled(fixedDelay = "${sluice.queue.poll:1s}", initialDelay = "${sluice.queue.initial-delay:2s}")
    void poll() {
        try {
            drain();
        } catch (SQLException e) {
            LOG.warn("Could not read the delivery queue: {}", e.getMessage());
        }
    }

    /** Starts working the queue now, unless a wake-up is already waiting to run. */
    public void wake() {
        if (wakePending.compareAndSet(false, true)) {
            waker.execute(() -> {
                wakePending.set(false);
                poll();
            });
        }
    }

    @PreDestroy
    void stop() {
        waker.shutdown();
    }

    /** The events this controller has a handler for; deliveries of others wait in the queue. */
    public Set<String> events() {
        return Set.copyOf(handlers.keySet());
    }

    /**
     * Works every due delivery; returns how many were handled. Once the controller is stopping it
     * claims nothing more, and gives back what it claimed but has not started.
     */
    public synchronized int drain() throws SQLException {
        if (!shutdown.enter()) {
            return 0;
        }
        try {
            int handled = 0;
            List<DeliveryQueue.Claimed> claimed;
            while (!shutdown.stopping() && !(claimed = queue.claim(handlers.keySet(), BATCH)).isEmpty()) {
                for (DeliveryQueue.Claimed delivery : claimed) {
                    if (shutdown.stopping()) {
                        queue.giveBack(delivery.id());
                        continue;
                    }
                    try (MDC.MDCCloseable ignored = MDC.putCloseable("delivery", delivery.id())) {
                        handle(delivery);
                    }
                    handled++;
                }
            }
            return handled;
        } finally {
            shutdown.leave();
        }
    }

    private void handle(DeliveryQueue.Claimed delivery) throws SQLException {
        HandlerResult result;
        try {
            result = switch (parser.parse(delivery.event(), delivery.body())) {
                case ParsedEvent.Known known -> handlers.get(delivery.event()).handle(delivery.id(), known.event());
                case ParsedEvent.Unhandled unhandled -> new HandlerResult.Park("no handler for " + unhandled.event());
                case ParsedEvent.Malformed malformed -> new HandlerResult.Park(malformed.reason());
            };
        } catch (RuntimeException e) {
            result = new HandlerResult.Retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        switch (result) {
            case HandlerResult.Done done -> {
                queue.done(delivery.id(), done.summary());
                metrics.delivery(delivery.event(), SluiceMetrics.DeliveryOutcome.DONE);
                LOG.info("Delivery {} ({}): {}", delivery.id(), delivery.event(), done.summary());
            }
            case HandlerResult.Retry retry -> {
                boolean again = queue.retryOrPark(delivery.id(), delivery.attempt(), retry.reason(), retry.notBefore());
                metrics.delivery(delivery.event(), again ? SluiceMetrics.DeliveryOutcome.RETRY : SluiceMetrics.DeliveryOutcome.PARKED);
                LOG.warn("Delivery {} ({}) attempt {} failed{}: {}", delivery.id(), delivery.event(), delivery.attempt(),
                        again ? ", will retry" : ", parked", retry.reason());
            }
            case HandlerResult.Park park -> {
                queue.park(delivery.id(), park.reason());
                metrics.delivery(delivery.event(), SluiceMetrics.DeliveryOutcome.PARKED);
                LOG.warn("Delivery {} ({}) parked: {}", delivery.id(), delivery.event(), park.reason());
            }
        }
    }
}
