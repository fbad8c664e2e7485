package dev.sluice.rollout.pipeline;

import dev.sluice.rollout.config.ApprovalPolicy;
import dev.sluice.rollout.config.DeploymentWindow;
import dev.sluice.rollout.config.EnvironmentConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides an environment's gate for a release, from facts alone (no I/O, so every rule is tested
 * directly): the previous environment first, then the queue, pause and hold, approvals, soak and
 * the deployment window. The first condition that does not hold is the reason given.
 */
public final class Gates {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Gates() {
    }

    public static GateDecision decide(EnvironmentConfig environment, GateFacts facts, Instant now) {
        if (facts.previousEnvironment().isPresent() && facts.previousSucceededAt().isEmpty()) {
            return new GateDecision.Closed(facts.previousFailed()
                    ? "blocked: the release failed in " + facts.previousEnvironment().get()
                    : "waits for " + facts.previousEnvironment().get());
        }
        if (facts.ahead().isPresent()) {
            return new GateDecision.Closed(facts.ahead().get());
        }
        if (facts.pausedBy().isPresent()) {
            return new GateDecision.Closed(environment.name() + " is paused by @" + facts.pausedBy().get() + " (/sluice resume "
                    + environment.name() + ")");
        }
        if (facts.heldBy().isPresent()) {
            return new GateDecision.Closed("held by @" + facts.heldBy().get() + " with the sluice/hold label");
        }
        if (environment.approval() instanceof ApprovalPolicy.Approvers approvers) {
            Optional<String> missing = missingApprovals(approvers, facts);
            if (missing.isPresent()) {
                return new GateDecision.Closed(missing.get());
            }
        }
        if (environment.soak().isPresent() && facts.previousSucceededAt().isPresent()) {
            Instant soaked = facts.previousSucceededAt().get().plus(environment.soak().get());
            if (now.isBefore(soaked)) {
                return new GateDecision.Closed("soaks in " + facts.previousEnvironment().orElse("the previous environment") + " until "
                        + TIME.format(soaked) + " (soak " + words(environment.soak().get()) + ")");
            }
        }
        if (environment.window().isPresent() && !environment.window().get().contains(now)) {
            DeploymentWindow window = environment.window().get();
            return new GateDecision.Closed("outside the deployment window " + window.text() + "; it opens "
                    + TIME.format(window.nextOpening(now)));
        }
        return new GateDecision.Open();
    }

    /** The approvers who count: distinct people, not the author unless allowed. */
    public static Set<String> counted(ApprovalPolicy.Approvers approvers, List<Approval> approvals, Optional<String> author) {
        Set<String> people = new LinkedHashSet<>();
        for (Approval approval : approvals) {
            boolean isAuthor = author.map(login -> login.equalsIgnoreCase(approval.actor())).orElse(false);
            if (!isAuthor || approvers.allowAuthor()) {
                people.add(approval.actor().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return people;
    }

    private static Optional<String> missingApprovals(ApprovalPolicy.Approvers approvers, GateFacts facts) {
        if (!facts.hasPullRequest()) {
            return Optional.of("needs " + approvers.required() + " approval(s), but the release has no pull request to approve on");
        }
        int have = counted(approvers, facts.approvals(), facts.author()).size();
        if (have >= approvers.required()) {
            return Optional.empty();
        }
        int more = approvers.required() - have;
        return Optional.of("needs " + more + " more approval" + (more == 1 ? "" : "s") + " from " + String.join(", ", approvers.approvers())
                + " (" + have + " of " + approvers.required() + ")");
    }

    private static String words(Duration duration) {
        if (duration.toDaysPart() > 0 && duration.toHoursPart() == 0 && duration.toMinutesPart() == 0) {
            return duration.toDays() + "d";
        }
        String text = (duration.toHours() > 0 ? duration.toHours() + "h" : "") + (duration.toMinutesPart() > 0 ? duration.toMinutesPart() + "m" : "")
                + (duration.toSecondsPart() > 0 ? duration.toSecondsPart() + "s" : "");
        return text.isEmpty() ? "0s" : text;
    }
}
