package dev.sluice.webhooks.promotion;

import dev.sluice.rollout.config.ApprovalPolicy;
import dev.sluice.rollout.config.EnvironmentConfig;
import dev.sluice.rollout.pipeline.Approval;
import dev.sluice.rollout.pipeline.ApprovalResult;
import dev.sluice.rollout.pipeline.ApprovalSource;
import dev.sluice.rollout.pipeline.Approvals;
import dev.sluice.webhooks.authz.Authorization;
import dev.sluice.webhooks.authz.Authorizer;
import dev.sluice.webhooks.authz.Requirement;
import java.io.IOException;
import java.util.List;

/**
 * Approves a pull request's migrations for an environment, by comment or by label: the environment
 * must want approvals, the author may approve only where {@code allow-author: true}, and the
 * approver must have write access and be one of the environment's approvers, asked of GitHub now.
 * Every refusal goes to the audit trail with the reason the person is told.
 */
public final class GiveApproval {

    private final Approvals approvals;
    private final Authorizer authorizer;
    private final Runnable wakePipeline;

    public GiveApproval(Approvals approvals, Authorizer authorizer, Runnable wakePipeline) {
        this.approvals = approvals;
        this.authorizer = authorizer;
        this.wakePipeline = wakePipeline;
    }

    public ApprovalOutcome give(long installation, String repository, int pullRequest, String actor, EnvironmentConfig environment,
            ApprovalTarget.Digest target, ApprovalSource source) throws IOException {
        String name = environment.name();
        return switch (environment.approval()) {
            case ApprovalPolicy.Auto auto -> new ApprovalOutcome.NotNeeded("@" + actor + " " + name
                    + " needs no approval (approval: auto); nothing was recorded.");
            case ApprovalPolicy.Approvers approvers -> {
                if (!approvers.allowAuthor() && target.author().equalsIgnoreCase(actor)) {
                    yield refuse(repository, pullRequest, actor, name, target, "@" + actor + " opened this pull request, and "
                            + name + " does not let authors approve their own changes (allow-author: false).");
                }
                Authorization decision = authorizer.decide(installation, repository, actor,
                        new Requirement.Approver("approving " + name, name, approvers.approvers()));
                yield switch (decision) {
                    case Authorization.Denied denied -> refuse(repository, pullRequest, actor, name, target, denied.reason());
                    case Authorization.Allowed allowed -> record(repository, pullRequest, actor, name, approvers, target, source);
                };
            }
        };
    }

    private ApprovalOutcome record(String repository, int pullRequest, String actor, String environment,
            ApprovalPolicy.Approvers policy, ApprovalTarget.Digest target, ApprovalSource source) {
        ApprovalResult result = approvals.give(repository, pullRequest, environment, target.digest(), actor, source, target.release());
        String count = count(approvals.standing(repository, pullRequest, environment), target.digest(), policy.required());
        return switch (result) {
            case ApprovalResult.Recorded recorded -> {
                wakePipeline.run();
                yield new ApprovalOutcome.Applied("@" + actor + " approved " + environment + " for " + target.subject() + " (" + count + ")."
                        + (target.release().isEmpty() ? " A push that changes the migrations voids the approval." : ""));
            }
            case ApprovalResult.AlreadyGiven given -> new ApprovalOutcome.Applied("@" + actor + " had already approved " + environment
                    + " for " + target.subject() + " (" + count + "); nothing changed.");
        };
    }

    private ApprovalOutcome refuse(String repository, int pullRequest, String actor, String environment, ApprovalTarget.Digest target,
            String reason) {
        approvals.refuse(repository, pullRequest, environment, actor, reason, target.release());
        return new ApprovalOutcome.Refused(reason + " The approval was not recorded.");
    }

    /** "1 of 2 approvals": distinct people whose standing approval is of this digest. */
    static String count(List<Approval> standing, String digest, int required) {
        long given = standing.stream().filter(approval -> approval.digest().equals(digest))
                .map(approval -> approval.actor().toLowerCase(java.util.Locale.ROOT)).distinct().count();
        return given + " of " + required + (required == 1 ? " approval" : " approvals");
    }
}
