package dev.sluice.webhooks.commands;

import dev.sluice.webhooks.promotion.PullRequestStages;
import dev.sluice.webhooks.promotion.WithdrawApproval;
import java.io.IOException;
import java.util.List;

/** {@code /sluice unapprove <env>}: takes the commenter's own approval of the environment back. */
public final class UnapproveEnvironment implements CommandRunner {

    private final PullRequestStages stages;
    private final WithdrawApproval withdrawApproval;

    public UnapproveEnvironment(PullRequestStages stages, WithdrawApproval withdrawApproval) {
        this.stages = stages;
        this.withdrawApproval = withdrawApproval;
    }

    @Override
    public CommandName name() {
        return CommandName.UNAPPROVE;
    }

    @Override
    public CommandResult run(CommandContext context, List<String> arguments) throws IOException {
        return ApprovalCommand.run(stages, context, name(), arguments, (environment, target) -> withdrawApproval.withdraw(
                context.installation(), context.repository(), context.pullRequest(), context.actor(), environment, target,
                List.of(context.actor())));
    }
}
