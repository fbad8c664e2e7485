package dev.sluice.app.ops;

import dev.sluice.app.webhook.DeliveryWorker;
import dev.sluice.rollout.controller.Transactions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges over the work the replicas share (deliveries of events this controller has a handler for;
 * without GitHub configured the others wait in the queue untouched), read from the controller database when scraped (at
 * most every few seconds): {@code sluice_queue_depth} (deliveries queued), {@code
 * sluice_queue_oldest_seconds} (how long the oldest due one has waited since it was received) and
 * {@code sluice_outbox_depth} (reports owed to GitHub). Every replica shows the same values.
 */
@Context
public class QueueMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(QueueMetrics.class);
    private static final Duration FRESH = Duration.ofSeconds(5);

    private record Reading(Instant at, double depth, double oldestSeconds, double outbox) {
    }

    private final DataSource dataSource;
    private final DeliveryWorker worker;
    private volatile Reading last = new Reading(Instant.EPOCH, Double.NaN, Double.NaN, Double.NaN);

    QueueMetrics(Transactions transactions, MeterRegistry meters, DeliveryWorker worker) {
        this.dataSource = transactions.dataSource();
        this.worker = worker;
        Gauge.builder("sluice.queue.depth", this, metrics -> metrics.read().depth())
                .description("Webhook deliveries queued (due or waiting for a retry)").register(meters);
        Gauge.builder("sluice.queue.oldest.seconds", this, metrics -> metrics.read().oldestSeconds())
                .description("Seconds since the oldest due delivery was received; 0 when none is due").register(meters);
        Gauge.builder("sluice.outbox.depth", this, metrics -> metrics.read().outbox())
                .description("Reports queued for GitHub (comments, check runs, labels, issues)").register(meters);
    }

    private synchronized Reading read() {
        Reading reading = last;
        if (reading.at().plus(FRESH).isAfter(Instant.now())) {
            return reading;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT (SELECT count(*) FROM sluice.delivery WHERE state = 'queued' AND event = ANY(?)),
                            (SELECT coalesce(extract(epoch FROM now() - min(received_at)), 0) FROM sluice.delivery
                             WHERE state = 'queued' AND next_attempt_at <= now() AND event = ANY(?)),
                            (SELECT count(*) FROM sluice.outbox WHERE state = 'queued')""")) {
            java.sql.Array events = connection.createArrayOf("text", worker.events().toArray());
            query.setArray(1, events);
            query.setArray(2, events);
            ResultSet row = query.executeQuery();
            row.next();
            reading = new Reading(Instant.now(), row.getLong(1), Math.max(0, row.getDouble(2)), row.getLong(3));
        } catch (SQLException e) {
            LOG.warn("Could not read the queue sizes for /prometheus: {}", e.getMessage());
            reading = new Reading(Instant.now(), Double.NaN, Double.NaN, Double.NaN);
        }
        last = reading;
        return reading;
    }
}
