package dev.sluice.rollout.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.rollout.config.ApprovalPolicy;
import dev.sluice.rollout.config.EnvironmentConfig;
import dev.sluice.rollout.config.ReviewSetting;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatesTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final EnvironmentConfig PROD = new EnvironmentConfig("prod", List.of("prod"), ReviewSetting.DEFAULT,
            new ApprovalPolicy.Approvers(List.of("@acme/dba", "alice"), 2, false), Optional.of(Duration.ofHours(1)), Optional.empty());

    static GateFacts facts(List<Approval> approvals) {
        return new GateFacts(Optional.of("staging"), Optional.of(NOW.minus(Duration.ofHours(2))), false, Optional.empty(),
                Optional.empty(), Optional.empty(), approvals, Optional.of("author"), true);
    }

    static Approval approval(String actor) {
        return new Approval(1, "acme/shop", 7, "prod", "sha256:x", actor, ApprovalSource.COMMENT, NOW);
    }

    @Test
    void opensWithEnoughApprovalsFromPeopleOtherThanTheAuthor() {
        assertThat(Gates.decide(PROD, facts(List.of(approval("alice"), approval("bob"))), NOW)).isInstanceOf(GateDecision.Open.class);
    }

    @Test
    void theAuthorsApprovalAndASecondApprovalByTheSamePersonDoNotCount() {
        GateDecision decision = Gates.decide(PROD, facts(List.of(approval("author"), approval("alice"), approval("ALICE"))), NOW);

        assertThat(decision).isEqualTo(new GateDecision.Closed("needs 1 more approval from @acme/dba, alice (1 of 2)"));
    }

    @Test
    void theAuthorCountsWhenThePolicyAllowsIt() {
        EnvironmentConfig lenient = new EnvironmentConfig("prod", List.of("prod"), ReviewSetting.DEFAULT,
                new ApprovalPolicy.Approvers(List.of("alice"), 1, true), Optional.empty(), Optional.empty());

        assertThat(Gates.decide(lenient, facts(List.of(approval("author"))), NOW)).isInstanceOf(GateDecision.Open.class);
    }

    @Test
    void waitsForThePreviousEnvironmentAndSaysWhenItFailed() {
        GateFacts waiting = new GateFacts(Optional.of("staging"), Optional.empty(), false, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), true);
        GateFacts failed = new GateFacts(Optional.of("staging"), Optional.empty(), true, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), true);

        assertThat(Gates.decide(PROD, waiting, NOW)).isEqualTo(new GateDecision.Closed("waits for staging"));
        assertThat(Gates.decide(PROD, failed, NOW)).isEqualTo(new GateDecision.Closed("blocked: the release failed in staging"));
    }

    @Test
    void soaksUntilTheTimeHasPassedInThePreviousEnvironment() {
        GateFacts recent = new GateFacts(Optional.of("staging"), Optional.of(NOW.minus(Duration.ofMinutes(20))), false, Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(approval("alice"), approval("bob")), Optional.of("author"), true);

        assertThat(Gates.decide(PROD, recent, NOW))
                .isEqualTo(new GateDecision.Closed("soaks in staging until 2026-11-23 10:40 UTC (soak 1h)"));
    }

    @Test
    void aQueueAPauseAndAHoldEachKeepTheGateClosed() {
        GateFacts queued = new GateFacts(Optional.empty(), Optional.empty(), false, Optional.of("queued behind release 20261123.1"),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), true);
        GateFacts paused = new GateFacts(Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.of("dave"),
                Optional.empty(), List.of(), Optional.empty(), true);
        GateFacts held = new GateFacts(Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(),
                Optional.of("erin"), List.of(), Optional.empty(), true);
        EnvironmentConfig dev = new EnvironmentConfig("dev", List.of("dev"), ReviewSetting.DEFAULT);

        assertThat(Gates.decide(dev, queued, NOW)).isEqualTo(new GateDecision.Closed("queued behind release 20261123.1"));
        assertThat(Gates.decide(dev, paused, NOW)).isEqualTo(new GateDecision.Closed("dev is paused by @dave (/sluice resume dev)"));
        assertThat(Gates.decide(dev, held, NOW)).isEqualTo(new GateDecision.Closed("held by @erin with the sluice/hold label"));
        assertThat(Gates.decide(dev, new GateFacts(Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), true), NOW)).isInstanceOf(GateDecision.Open.class);
    }

    @Test
    void aReleaseWithoutAPullRequestCannotCollectApprovals() {
        GateFacts direct = new GateFacts(Optional.of("staging"), Optional.of(NOW.minus(Duration.ofHours(2))), false, Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), false);

        assertThat(Gates.decide(PROD, direct, NOW)).isEqualTo(
                new GateDecision.Closed("needs 2 approval(s), but the release has no pull request to approve on"));
    }
}
