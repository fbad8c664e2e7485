package dev.sluice.webhooks.handle;

import dev.sluice.webhooks.intake.GitHubEvent;
import java.util.Set;
import org.kohsuke.github.GHAppInstallation;
import org.kohsuke.github.GHEventPayload;

/**
 * {@code installation} events: a deleted or suspended installation stops all work for it (its
 * later events are ignored at intake); created, unsuspended or re-permissioned starts it again.
 */
public final class TrackInstallations implements DeliveryHandler {

    private static final Set<String> STOPPING = Set.of("deleted", "suspend");
    private static final Set<String> STARTING = Set.of("created", "unsuspend", "new_permissions_accepted");

    private final InstallationStates states;

    public TrackInstallations(InstallationStates states) {
        this.states = states;
    }

    @Override
    public Set<String> events() {
        return Set.of("installation");
    }

    @Override
    public HandlerResult handle(String deliveryId, GitHubEvent event) {
        if (!STOPPING.contains(event.action()) && !STARTING.contains(event.action())) {
            return new HandlerResult.Done("installation " + event.action() + ": nothing to change");
        }
        GHAppInstallation installation = ((GHEventPayload.Installation) event.payload()).getInstallation();
        String account = installation.getAccount() == null ? "" : installation.getAccount().getLogin();
        boolean stopped = STOPPING.contains(event.action());
        states.record(installation.getId(), account, stopped);
        return new HandlerResult.Done("installation " + installation.getId() + " (" + account + ") " + (stopped ? "stopped" : "active"));
    }
}
