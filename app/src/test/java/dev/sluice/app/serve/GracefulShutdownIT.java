package dev.sluice.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM in the middle of a slow tenant rollout: the controller stops starting databases, lets
 * the one it is migrating finish within {@code sluice.shutdown.grace}, exits, and leaves the
 * deployment running for the next controller, which finishes it with every migration applied once.
 * The first process logs JSON, with the work's context under "mdc".
 */
class GracefulShutdownIT {

    static final int TENANTS = 6;

    @TempDir
    Path userHome;

    @Test
    void aStoppedControllerFinishesItsDatabaseExitsWithinTheGraceAndTheNextOneCarriesOn() throws Exception {
        TenantRollout scene = TenantRollout.prepare("Graceful", TENANTS, 3);
        Path config = scene.writeConfig(userHome, List.of("shutdown:", "  grace: 20s"), List.of("parallel: 1"));

        SluiceProcess first = SluiceProcess.serve(userHome, SluiceProcess.freePort(), List.of(),
                Map.of("MICRONAUT_CONFIG_FILES", config.toString(), "SLUICE_LOG_FORMAT", "json"), "first");
        first.awaitUntil(Duration.ofMinutes(2), () -> scene.count("SELECT count(*) FROM sluice.deployment_target WHERE state = 'succeeded'") >= 1
                && scene.count("SELECT count(*) FROM sluice.deployment_target WHERE state = 'running'") == 1);
        Instant stopped = Instant.now();
        first.stop(); // SIGTERM
        Duration took = Duration.between(stopped, Instant.now());

        assertThat(took).as("exit after SIGTERM").isLessThan(Duration.ofSeconds(20 + 10));
        assertThat(scene.count("SELECT count(*) FROM sluice.deployment_target WHERE state = 'running'"))
                .as("the database being migrated finished before the exit").isZero();
        assertThat(scene.count("SELECT count(*) FROM sluice.deployment_target WHERE state = 'failed'")).isZero();
        int done = scene.count("SELECT count(*) FROM sluice.deployment_target WHERE state = 'succeeded'");
        assertThat(done).as("stopped part way").isBetween(2, TENANTS - 1);
        assertThat(scene.count("SELECT count(*) FROM sluice.deployment WHERE state = 'running'"))
                .as("left running for the next controller").isEqualTo(1);
        String output = first.output();
        assertThat(output).contains("\"mdc\"", "\"release\"", "\"target\"", "tenants\\/" + scene.prefix(), "Shutting down"); // JsonEncoder escapes the slash

        try (SluiceProcess second = SluiceProcess.serve(userHome, SluiceProcess.freePort(), List.of(),
                Map.of("MICRONAUT_CONFIG_FILES", config.toString()), "second")) {
            second.awaitUntil(Duration.ofMinutes(2), () -> scene.count("SELECT count(*) FROM sluice.deployment WHERE state = 'succeeded'") == 1);
        }
        for (int i = 0; i < TENANTS; i++) {
            assertThat(scene.history(i)).as(scene.tenant(i)).isEqualTo("1=1,2=1");
        }
        assertThat(scene.count("SELECT count(*) FROM sluice.audit_event WHERE action = 'target-succeeded'")).isEqualTo(TENANTS);
    }
}
