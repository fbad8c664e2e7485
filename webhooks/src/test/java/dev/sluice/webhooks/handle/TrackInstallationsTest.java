package dev.sluice.webhooks.handle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.webhooks.intake.EventParser;
import dev.sluice.webhooks.intake.GitHubEvent;
import dev.sluice.webhooks.intake.ParsedEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackInstallationsTest {

    record Recorded(long installation, String account, boolean stopped) {
    }

    private final List<Recorded> recorded = new ArrayList<>();
    private final TrackInstallations handler = new TrackInstallations(
            (installation, account, stopped) -> recorded.add(new Recorded(installation, account, stopped)));

    private static GitHubEvent installation(String action) {
        String body = "{\"action\":\"" + action + "\",\"installation\":{\"id\":1234,\"account\":{\"login\":\"acme\"}},"
                + "\"sender\":{\"login\":\"alice\"}}";
        return ((ParsedEvent.Known) new EventParser().parse("installation", body.getBytes(StandardCharsets.UTF_8))).event();
    }

    @Test
    void deletedAndSuspendedStopAnInstallationAndUnsuspendedStartsItAgain() {
        handler.handle("d1", installation("suspend"));
        handler.handle("d2", installation("unsuspend"));
        handler.handle("d3", installation("deleted"));
        HandlerResult other = handler.handle("d4", installation("new_permissions_accepted"));

        assertThat(recorded).containsExactly(new Recorded(1234, "acme", true), new Recorded(1234, "acme", false),
                new Recorded(1234, "acme", true), new Recorded(1234, "acme", false));
        assertThat(other).isEqualTo(new HandlerResult.Done("installation 1234 (acme) active"));
    }
}
