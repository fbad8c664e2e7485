package dev.sluice.webhooks.commands;

import dev.sluice.rollout.config.EnvironmentConfig;
import dev.sluice.webhooks.promotion.ApprovalOutcome;
import dev.sluice.webhooks.promotion.ApprovalTarget;
import dev.sluice.webhooks.promotion.EnvironmentArgument;
import dev.sluice.webhooks.promotion.PullRequestStages;
import java.io.IOException;
import java.util.List;

/** What approve and unapprove share: the approval target of the pull request and a known environment of its policy. */
final class ApprovalCommand {

    /** Approves or withdraws once the target and environment are known. */
    @FunctionalInterface
    interface Act {
        ApprovalOutcome act(EnvironmentConfig environment, ApprovalTarget.Digest target) throws IOException;
    }

    private ApprovalCommand() {
    }

    static CommandResult run(PullRequestStages stages, CommandContext context, CommandName name, List<String> arguments, Act act)
            throws IOException {
        var stage = stages.stage(context.installation(), context.repository(), context.pullRequest());
        return switch (stages.approvalTarget(context.installation(), context.repository(), stage)) {
            case ApprovalTarget.Unavailable unavailable -> new CommandResult.Refused("@" + context.actor() + " " + unavailable.reason()
                    + (unavailable.reason().endsWith(".") ? "" : "."));
            case ApprovalTarget.Digest target -> {
                String usage = "/sluice " + MergedRelease.usage(name);
                yield switch (EnvironmentArgument.read(target.policy(), arguments, usage)) {
                    case EnvironmentArgument.Invalid invalid -> new CommandResult.Refused("@" + context.actor() + " " + invalid.reply());
                    case EnvironmentArgument.Found found when !found.rest().isEmpty() -> new CommandResult.Refused("@" + context.actor()
                            + " `" + String.join(" ", found.rest()) + "` is more than the command takes. Write `" + usage + "`.");
                    case EnvironmentArgument.Found found -> switch (act.act(found.environment(), target)) {
                        case ApprovalOutcome.Applied applied -> new CommandResult.Done(applied.reply());
                        case ApprovalOutcome.Refused refused -> new CommandResult.Refused(refused.reply());
                        case ApprovalOutcome.NotNeeded notNeeded -> new CommandResult.Refused(notNeeded.reply());
                    };
                };
            }
        };
    }
}
