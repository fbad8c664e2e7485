package dev.sluice.app.pipeline;

import dev.sluice.app.ops.ShutdownSignal;
import dev.sluice.rollout.drift.DriftChecker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every target database with a recorded schema for drift on a schedule
 * ({@code sluice.drift.interval}, default 10 minutes) and publishes {@code sluice_drift} per target
 * database: 1 while it drifts, 0 when it matches. Replicas each check; the result is the same and
 * a GitHub issue is only refreshed when the drift changes.
 */
@Singleton
public class DriftWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DriftWorker.class);

    private final DriftChecker checker;
    private final MeterRegistry meters;
    private final Map<String, AtomicInteger> gauges = new ConcurrentHashMap<>();
    private final ShutdownSignal shutdown;

    DriftWorker(DriftChecker checker, MeterRegistry meters, ShutdownSignal shutdown) {
        this.shutdown = shutdown;
        this.checker = checker;
        this.meters = meters;
    }

    @Scheduled(fixedDelay = "${sluice.drift.interval:10m}", initialDelay = "${sluice.drift.initial-delay:1m}")
    void poll() {
        if (!shutdown.enter()) {
            return;
        }
        try {
            checkAll();
        } catch (RuntimeException e) {
            LOG.warn("Drift check failed, trying again on the next: {}", e.getMessage());
        } finally {
            shutdown.leave();
        }
    }

    /** Checks every recorded target database now; returns the outcomes. */
    public synchronized List<DriftChecker.Outcome> checkAll() {
        List<DriftChecker.Outcome> outcomes = checker.checkAll();
        for (DriftChecker.Outcome outcome : outcomes) {
            switch (outcome) {
                case DriftChecker.Outcome.Checked checked -> {
                    gauge(checked.recorded().target(), checked.recorded().database()).set(checked.drift().drifted() ? 1 : 0);
                    if (checked.drift().drifted()) {
                        LOG.warn("Schema drift on {}: {} differences", checked.label(), checked.drift().differences().size());
                    }
                }
                case DriftChecker.Outcome.NothingRecorded ignored -> {
                }
                case DriftChecker.Outcome.Unavailable unavailable ->
                        LOG.warn("Drift check of {} not done: {}", unavailable.label(), unavailable.reason());
            }
        }
        return outcomes;
    }

    private AtomicInteger gauge(String target, String database) {
        return gauges.computeIfAbsent(target + "/" + database, key -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("sluice_drift", value, AtomicInteger::get)
                    .description("1 while the target database's schema differs from the one Sluice recorded, else 0")
                    .tag("target", target).tag("database", database).register(meters);
            return value;
        });
    }
}
