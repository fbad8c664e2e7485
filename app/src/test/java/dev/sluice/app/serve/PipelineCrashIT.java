package dev.sluice.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller process is killed (SIGKILL, no shutdown) in the middle of a tenant rollout and
 * started again: the rollout finishes, and every migration is recorded exactly once per database.
 */
class PipelineCrashIT {

    static final int TENANTS = 20;

    @TempDir
    Path userHome;

    @Test
    void aControllerKilledDuringTheTenantWavesFinishesTheRolloutAfterARestartApplyingEachMigrationOnce() throws Exception {
        // Each tenant takes about a second, so the kill lands mid-way.
        TenantRollout scene = TenantRollout.prepare("Crash", TENANTS, 1);
        Path config = scene.writeConfig(userHome, List.of(), List.of("parallel: 2", "waves: [1, 25%, 100%]"));
        Map<String, String> environment = Map.of("MICRONAUT_CONFIG_FILES", config.toString());

        SluiceProcess first = SluiceProcess.serve(userHome, SluiceProcess.freePort(), List.of(), environment, "first");
        try {
            first.awaitUntil(Duration.ofMinutes(2),
                    () -> scene.count("SELECT count(*) FROM sluice.deployment_target WHERE state = 'succeeded'") >= 5);
        } finally {
            first.kill();
        }
        int finishedBeforeTheKill = scene.count("SELECT count(*) FROM sluice.deployment_target WHERE state = 'succeeded'");
        assertThat(finishedBeforeTheKill).isBetween(5, TENANTS - 1);

        try (SluiceProcess second = SluiceProcess.serve(userHome, SluiceProcess.freePort(), List.of(), environment, "second")) {
            second.awaitUntil(Duration.ofMinutes(2), () -> scene.count("SELECT count(*) FROM sluice.deployment WHERE state = 'succeeded'") == 1);
        }

        for (int i = 0; i < TENANTS; i++) {
            assertThat(scene.history(i)).as(scene.tenant(i)).isEqualTo("1=1,2=1");
        }
        assertThat(scene.count("SELECT count(*) FROM sluice.audit_event WHERE action = 'target-succeeded'")).isEqualTo(TENANTS);
    }
}
