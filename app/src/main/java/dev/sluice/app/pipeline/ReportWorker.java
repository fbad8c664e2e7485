package dev.sluice.app.pipeline;

import dev.sluice.app.ops.ShutdownSignal;
import dev.sluice.app.webhook.GitHubConfigured;
import dev.sluice.webhooks.report.SendReports;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox owes GitHub (release comments, deploy check runs, replies, labels, tags),
 * on a schedule. Replicas share the outbox; each claims its own rows. Without GitHub configured
 * the reports wait in the outbox.
 */
@Singleton
@Requires(condition = GitHubConfigured.class)
public class ReportWorker {

    private static final Logger LOG = LoggerFactory.getLogger(ReportWorker.class);

    private final SendReports reports;
    private final ShutdownSignal shutdown;

    ReportWorker(SendReports reports, ShutdownSignal shutdown) {
        this.reports = reports;
        this.shutdown = shutdown;
    }

    @Scheduled(fixedDelay = "${sluice.reports.poll:1s}", initialDelay = "${sluice.reports.initial-delay:2s}")
    void poll() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            LOG.warn("Could not send reports to GitHub, trying again on the next pass: {}", e.getMessage());
        }
    }

    /** Sends every due report, batch after batch; returns how many were taken. */
    public synchronized int sendDue() {
        if (!shutdown.enter()) {
            return 0;
        }
        try {
            int total = 0;
            int sent;
            while (!shutdown.stopping() && (sent = reports.sendDue()) > 0) {
                total += sent;
            }
            return total;
        } finally {
            shutdown.leave();
        }
    }
}
