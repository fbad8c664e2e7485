package dev.sluice.webhooks.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookIntakeTest {

    static final String SECRET = "webhook-secret";
    static final byte[] OPENED = """
            {"action":"opened","number":7,"pull_request":{"number":7,"head":{"sha":"abc"}},
             "repository":{"full_name":"acme/shop","name":"shop","owner":{"login":"acme"}},
             "installation":{"id":42},"sender":{"login":"alice"}}""".getBytes(StandardCharsets.UTF_8);

    private final WebhookIntake intake = new WebhookIntake(new WebhookSignature(List.of(SECRET)), new EventParser(),
            Set.of("Acme/Shop"), installation -> installation == 666,
            Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));

    private IntakeDecision receive(String event, byte[] body) {
        return intake.receive(event, "d-1", WebhookSignature.sign(SECRET, body), body);
    }

    @Test
    void acceptsASignedEventForAnAllowedRepository() {
        assertThat(receive("pull_request", OPENED)).isInstanceOfSatisfying(IntakeDecision.Accept.class, accept -> {
            assertThat(accept.delivery().id()).isEqualTo("d-1");
            assertThat(accept.delivery().action()).isEqualTo("opened");
            assertThat(accept.delivery().repository()).contains("acme/shop");
            assertThat(accept.delivery().installation()).contains(42L);
            assertThat(accept.delivery().receivedAt()).isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
        });
    }

    @Test
    void rejectsBadSignaturesBeforeLookingAtTheBody() {
        assertThat(intake.receive("pull_request", "d-1", null, OPENED)).isEqualTo(new IntakeDecision.Reject(401, "missing X-Hub-Signature-256"));
        assertThat(intake.receive("pull_request", "d-1", WebhookSignature.sign("wrong", OPENED), OPENED))
                .isEqualTo(new IntakeDecision.Reject(401, "X-Hub-Signature-256 does not match the body"));
        byte[] garbage = "{".getBytes(StandardCharsets.UTF_8);
        assertThat(intake.receive("pull_request", "d-1", "sha256=zz", garbage)).extracting(decision -> ((IntakeDecision.Reject) decision).status())
                .isEqualTo(401);
    }

    @Test
    void ignoresPingsUnknownEventsOtherRepositoriesAndStoppedInstallations() {
        assertThat(receive("ping", "{\"zen\":\"Keep it logically awesome.\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new IntakeDecision.Ignore("ping"));
        assertThat(receive("merge_group", "{}".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IntakeDecision.Ignore.class);
        byte[] other = new String(OPENED, StandardCharsets.UTF_8).replace("acme/shop", "evil/repo").getBytes(StandardCharsets.UTF_8);
        assertThat(receive("pull_request", other)).isEqualTo(new IntakeDecision.Ignore("repository evil/repo is not in sluice.repositories"));
        byte[] suspended = new String(OPENED, StandardCharsets.UTF_8).replace("\"id\":42", "\"id\":666").getBytes(StandardCharsets.UTF_8);
        assertThat(receive("pull_request", suspended)).isEqualTo(new IntakeDecision.Ignore("installation 666 is deleted or suspended"));
    }

    @Test
    void malformedRequestsAreRejectedWith400() {
        byte[] truncated = java.util.Arrays.copyOf(OPENED, 60);
        assertThat(receive("pull_request", truncated)).extracting(decision -> ((IntakeDecision.Reject) decision).status()).isEqualTo(400);
        assertThat(receive("push", OPENED)).extracting(decision -> ((IntakeDecision.Reject) decision).status()).isEqualTo(400);
        assertThat(intake.receive("pull_request", null, WebhookSignature.sign(SECRET, OPENED), OPENED))
                .isEqualTo(new IntakeDecision.Reject(400, "missing or malformed X-GitHub-Delivery"));
        assertThat(intake.receive(null, "d-1", WebhookSignature.sign(SECRET, OPENED), OPENED))
                .isEqualTo(new IntakeDecision.Reject(400, "missing X-GitHub-Event"));
    }
}
