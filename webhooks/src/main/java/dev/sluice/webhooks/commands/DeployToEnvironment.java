package dev.sluice.webhooks.commands;

import dev.sluice.webhooks.authz.Authorizer;
import dev.sluice.webhooks.promotion.PullRequestStages;
import java.io.IOException;
import java.util.List;

/** {@code /sluice deploy <env>}: starts the release's deployment to the environment now (write access). */
public final class DeployToEnvironment implements CommandRunner {

    private final MergedRelease merged;
    private final PipelineCommands pipeline;
    private final Runnable wakePipeline;

    public DeployToEnvironment(PullRequestStages stages, Authorizer authorizer, PipelineCommands pipeline, Runnable wakePipeline) {
        this.merged = new MergedRelease(stages, authorizer);
        this.pipeline = pipeline;
        this.wakePipeline = wakePipeline;
    }

    @Override
    public CommandName name() {
        return CommandName.DEPLOY;
    }

    @Override
    public CommandResult run(CommandContext context, List<String> arguments) throws IOException {
        return switch (merged.check(context, name(), arguments, MergedRelease.nothingMore(), "deploying release {version} to {env}")) {
            case MergedRelease.NotReady notReady -> notReady.refusal();
            case MergedRelease.Ready ready -> PipelineReplies.reply(context,
                    pipeline.deploy(ready.release(), ready.environment().name(), context.actor()), wakePipeline);
        };
    }
}
