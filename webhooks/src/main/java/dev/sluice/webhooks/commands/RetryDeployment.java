package dev.sluice.webhooks.commands;

import dev.sluice.webhooks.authz.Authorizer;
import dev.sluice.webhooks.promotion.PullRequestStages;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** {@code /sluice retry <env> [<target-or-database>]}: tries the failed databases again (write access). */
public final class RetryDeployment implements CommandRunner {

    private final MergedRelease merged;
    private final PipelineCommands pipeline;
    private final Runnable wakePipeline;

    public RetryDeployment(PullRequestStages stages, Authorizer authorizer, PipelineCommands pipeline, Runnable wakePipeline) {
        this.merged = new MergedRelease(stages, authorizer);
        this.pipeline = pipeline;
        this.wakePipeline = wakePipeline;
    }

    @Override
    public CommandName name() {
        return CommandName.RETRY;
    }

    @Override
    public CommandResult run(CommandContext context, List<String> arguments) throws IOException {
        MergedRelease.RestCheck oneAtMost = rest -> rest.size() <= 1 ? Optional.empty()
                : Optional.of("retry takes one target or database at most, not `" + String.join(" ", rest) + "`.");
        return switch (merged.check(context, name(), arguments, oneAtMost, "retrying release {version} in {env}")) {
            case MergedRelease.NotReady notReady -> notReady.refusal();
            case MergedRelease.Ready ready -> PipelineReplies.reply(context, pipeline.retry(ready.release(), ready.environment().name(),
                    ready.rest().stream().findFirst(), context.actor()), wakePipeline);
        };
    }
}
