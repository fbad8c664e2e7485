package dev.sluice.webhooks.commands;

import dev.sluice.rollout.pipeline.ApprovalSource;
import dev.sluice.webhooks.promotion.GiveApproval;
import dev.sluice.webhooks.promotion.PullRequestStages;
import java.io.IOException;
import java.util.List;

/**
 * {@code /sluice approve <env>}: approves the release (before the merge: the head's migrations,
 * by their digest) for an environment.
 */
public final class ApproveEnvironment implements CommandRunner {

    private final PullRequestStages stages;
    private final GiveApproval giveApproval;

    public ApproveEnvironment(PullRequestStages stages, GiveApproval giveApproval) {
        this.stages = stages;
        this.giveApproval = giveApproval;
    }

    @Override
    public CommandName name() {
        return CommandName.APPROVE;
    }

    @Override
    public CommandResult run(CommandContext context, List<String> arguments) throws IOException {
        return ApprovalCommand.run(stages, context, name(), arguments, (environment, target) -> giveApproval.give(context.installation(),
                context.repository(), context.pullRequest(), context.actor(), environment, target, ApprovalSource.COMMENT));
    }
}
