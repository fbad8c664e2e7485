package dev.sluice.webhooks.promotion;

import dev.sluice.rollout.config.ApprovalPolicy;
import dev.sluice.rollout.config.EnvironmentConfig;
import dev.sluice.rollout.pipeline.Approval;
import dev.sluice.rollout.pipeline.Approvals;
import dev.sluice.webhooks.authz.Authorization;
import dev.sluice.webhooks.authz.Authorizer;
import dev.sluice.webhooks.authz.Requirement;
import java.io.IOException;
import java.util.List;

/**
 * Takes approvals back. Asks the same of the person as approving does (write access and being an
 * approver of the environment), so a label cannot be used to knock out other people's approvals.
 */
public final class WithdrawApproval {

    private final Approvals approvals;
    private final Authorizer authorizer;

    public WithdrawApproval(Approvals approvals, Authorizer authorizer) {
        this.approvals = approvals;
        this.authorizer = authorizer;
    }

    /** Takes back the approvals {@code owners} gave (the actor's own, for a comment; the label's, for a label). */
    public ApprovalOutcome withdraw(long installation, String repository, int pullRequest, String actor, EnvironmentConfig environment,
            ApprovalTarget.Digest target, List<String> owners) throws IOException {
        String name = environment.name();
        if (!(environment.approval() instanceof ApprovalPolicy.Approvers approvers)) {
            return new ApprovalOutcome.NotNeeded("@" + actor + " " + name + " needs no approval (approval: auto); nothing to take back.");
        }
        Authorization decision = authorizer.decide(installation, repository, actor,
                new Requirement.Approver("withdrawing an approval of " + name, name, approvers.approvers()));
        if (decision instanceof Authorization.Denied denied) {
            approvals.refuse(repository, pullRequest, name, actor, denied.reason(), target.release());
            return new ApprovalOutcome.Refused(denied.reason() + " Nothing was withdrawn.");
        }
        int withdrawn = 0;
        for (String owner : owners) {
            withdrawn += approvals.withdraw(repository, pullRequest, name, owner, target.release()).size();
        }
        String count = GiveApproval.count(approvals.standing(repository, pullRequest, name), target.digest(), approvers.required());
        if (withdrawn == 0) {
            return new ApprovalOutcome.Applied("@" + actor + " there was no standing approval of " + name + " to take back; nothing changed ("
                    + count + ").");
        }
        String whose = owners.equals(List.of(actor)) ? "their approval" : "the approval of " + String.join(", ", owners.stream()
                .map(owner -> "@" + owner).toList());
        return new ApprovalOutcome.Applied("@" + actor + " withdrew " + whose + " of " + name + " for " + target.subject() + " (" + count + ").");
    }

    /** Who gave the standing approvals of the environment by the given source. */
    public List<String> ownersBy(String repository, int pullRequest, String environment, dev.sluice.rollout.pipeline.ApprovalSource source) {
        return approvals.standing(repository, pullRequest, environment).stream().filter(approval -> approval.source() == source)
                .map(Approval::actor).distinct().toList();
    }
}
