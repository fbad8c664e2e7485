package dev.sluice.webhooks.pullrequest;

import dev.sluice.rollout.config.EnvironmentConfig;
import dev.sluice.rollout.controller.Outbox;
import dev.sluice.rollout.controller.OutboxKind;
import dev.sluice.rollout.pipeline.ApprovalSource;
import dev.sluice.rollout.pipeline.Holds;
import dev.sluice.webhooks.authz.Authorization;
import dev.sluice.webhooks.authz.Authorizer;
import dev.sluice.webhooks.authz.Requirement;
import dev.sluice.webhooks.commands.AnswerComments;
import dev.sluice.webhooks.github.GitHubBusy;
import dev.sluice.webhooks.handle.HandlerResult;
import dev.sluice.webhooks.intake.GitHubEvent;
import dev.sluice.webhooks.promotion.ApprovalOutcome;
import dev.sluice.webhooks.promotion.ApprovalTarget;
import dev.sluice.webhooks.promotion.GiveApproval;
import dev.sluice.webhooks.promotion.PullRequestFacts;
import dev.sluice.webhooks.promotion.PullRequestStages;
import dev.sluice.webhooks.promotion.WithdrawApproval;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.kohsuke.github.GHEventPayload;

/**
 * Labels are commands too, checked like comments against the {@code sender}: {@code
 * sluice/approve-<env>} approves (removing it takes the label's approvals back), {@code
 * sluice/hold} holds the pull request's release in every environment. A label the sender was not
 * allowed to add is removed, one they were not allowed to remove is put back, and a reply says why.
 * Labels changed by bots (Sluice putting one back among them) are ignored.
 */
public final class ApplyLabels {

    static final String HOLD = "sluice/hold";
    static final String APPROVE = "sluice/approve-";

    private final PullRequestStages stages;
    private final GiveApproval giveApproval;
    private final WithdrawApproval withdrawApproval;
    private final Holds holds;
    private final Authorizer authorizer;
    private final Outbox outbox;
    private final Runnable wakePipeline;

    public ApplyLabels(PullRequestStages stages, GiveApproval giveApproval, WithdrawApproval withdrawApproval, Holds holds,
            Authorizer authorizer, Outbox outbox, Runnable wakePipeline) {
        this.stages = stages;
        this.giveApproval = giveApproval;
        this.withdrawApproval = withdrawApproval;
        this.holds = holds;
        this.authorizer = authorizer;
        this.outbox = outbox;
        this.wakePipeline = wakePipeline;
    }

    /** Where a label change came from and what it was. */
    private record Change(long installation, String repository, PullRequestFacts facts, String sender, String label, boolean added) {
    }

    public HandlerResult handle(GitHubEvent event) {
        GHEventPayload.PullRequest payload = (GHEventPayload.PullRequest) event.payload();
        if (payload.getLabel() == null || payload.getLabel().getName() == null) {
            return new HandlerResult.Done("label event without a label");
        }
        String label = payload.getLabel().getName();
        if (!label.equals(HOLD) && !label.startsWith(APPROVE)) {
            return new HandlerResult.Done("label " + label + ": not Sluice's");
        }
        if (AnswerComments.isBot(payload.getSender())) {
            return new HandlerResult.Done("label " + label + " " + event.action() + " by a bot: ignored");
        }
        Change change = new Change(event.installation().orElse(0L), event.repository().orElseThrow(), PayloadPullRequest.facts(payload),
                PayloadPullRequest.sender(payload), label, event.action().equals("labeled"));
        try {
            return label.equals(HOLD) ? hold(change) : approve(change, label.substring(APPROVE.length()));
        } catch (GitHubBusy busy) {
            return new HandlerResult.Retry(busy.getMessage(), Optional.of(busy.retryAt()));
        } catch (IOException e) {
            return new HandlerResult.Retry(e.getMessage());
        }
    }

    private HandlerResult hold(Change change) throws IOException {
        int number = change.facts().number();
        String action = (change.added() ? "holding" : "releasing the hold on") + " pull request #" + number;
        Authorization decision = authorizer.decide(change.installation(), change.repository(), change.sender(),
                new Requirement.WriteAccess(action));
        if (decision instanceof Authorization.Denied denied) {
            return undo(change, denied.reason());
        }
        if (change.added()) {
            boolean held = holds.hold(change.repository(), number, change.sender());
            return new HandlerResult.Done("pull request #" + number + (held ? " held by " + change.sender() : " was held already"));
        }
        boolean lifted = holds.unhold(change.repository(), number, change.sender());
        wakePipeline.run();
        return new HandlerResult.Done("pull request #" + number + (lifted ? " hold lifted by " + change.sender() : " was not held"));
    }

    private HandlerResult approve(Change change, String environmentName) throws IOException {
        int number = change.facts().number();
        ApprovalTarget target = stages.approvalTarget(change.installation(), change.repository(),
                stages.stage(change.repository(), change.facts()));
        if (!(target instanceof ApprovalTarget.Digest digest)) {
            String reason = ((ApprovalTarget.Unavailable) target).reason();
            return change.added() ? undo(change, "@" + change.sender() + " " + reason + ".") : new HandlerResult.Done(reason);
        }
        Optional<EnvironmentConfig> environment = digest.policy().environment(environmentName);
        if (environment.isEmpty()) {
            return change.added() ? undo(change, "@" + change.sender() + " there is no environment `" + environmentName
                    + "` in sluice.yaml, so `" + change.label() + "` approves nothing.") : new HandlerResult.Done("no environment " + environmentName);
        }
        ApprovalOutcome outcome;
        if (change.added()) {
            outcome = giveApproval.give(change.installation(), change.repository(), number, change.sender(), environment.get(), digest,
                    ApprovalSource.LABEL);
        } else {
            List<String> owners = withdrawApproval.ownersBy(change.repository(), number, environmentName, ApprovalSource.LABEL);
            if (owners.isEmpty()) {
                return new HandlerResult.Done("label " + change.label() + " removed: no label approval stood");
            }
            outcome = withdrawApproval.withdraw(change.installation(), change.repository(), number, change.sender(), environment.get(),
                    digest, owners);
        }
        return switch (outcome) {
            case ApprovalOutcome.Applied applied -> reply(change, applied.reply());
            case ApprovalOutcome.NotNeeded notNeeded -> reply(change, notNeeded.reply());
            case ApprovalOutcome.Refused refused -> undo(change, refused.reply());
        };
    }

    private HandlerResult reply(Change change, String text) {
        outbox.enqueue(change.repository(), change.installation(), OutboxKind.REPLY, String.valueOf(change.facts().number()), text);
        return new HandlerResult.Done(text);
    }

    /** Takes an unauthorised label change back, and says why. */
    private HandlerResult undo(Change change, String reason) {
        String subject = String.valueOf(change.facts().number());
        outbox.enqueue(change.repository(), change.installation(), change.added() ? OutboxKind.REMOVE_LABEL : OutboxKind.ADD_LABEL,
                subject, change.label());
        String text = reason + (change.added() ? " The label `" + change.label() + "` was removed." : " The label `" + change.label()
                + "` was put back.");
        outbox.enqueue(change.repository(), change.installation(), OutboxKind.REPLY, subject, text);
        return new HandlerResult.Done(text);
    }
}
