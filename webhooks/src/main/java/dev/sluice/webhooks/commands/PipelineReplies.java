package dev.sluice.webhooks.commands;

import dev.sluice.rollout.pipeline.CommandOutcome;

/** The pipeline's answer as a reply; an accepted command may open a gate, so the pipeline is woken. */
final class PipelineReplies {

    private PipelineReplies() {
    }

    static CommandResult reply(CommandContext context, CommandOutcome outcome, Runnable wakePipeline) {
        return switch (outcome) {
            case CommandOutcome.Accepted accepted -> {
                wakePipeline.run();
                yield new CommandResult.Done("@" + context.actor() + " " + accepted.message());
            }
            case CommandOutcome.Refused refused -> new CommandResult.Refused("@" + context.actor() + " " + refused.message());
        };
    }
}
