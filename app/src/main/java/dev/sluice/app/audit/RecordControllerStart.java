package dev.sluice.app.audit;

import dev.sluice.app.cli.SluiceVersion;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

/** Writes {@code controller.started} to the audit trail each time a controller starts. */
@Singleton
final class RecordControllerStart {

    static final String ACTION = "controller.started";

    private final AuditEventRepository events;
    private final Clock clock;

    RecordControllerStart(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        events.save(AuditEvent.controller(clock.instant(), ACTION,
                "sluice " + SluiceVersion.current() + " on " + hostName() + " (pid " + ProcessHandle.current().pid() + ")"));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown host";
        }
    }
}
