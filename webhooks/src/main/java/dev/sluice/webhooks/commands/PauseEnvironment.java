package dev.sluice.webhooks.commands;

import dev.sluice.webhooks.authz.Authorizer;
import dev.sluice.webhooks.promotion.PullRequestStages;
import java.io.IOException;
import java.util.List;

/** {@code /sluice pause <env>}: stops new deployments starting in an environment of the repository (write access). */
public final class PauseEnvironment implements CommandRunner {

    private final RepositoryEnvironment environments;
    private final PipelineCommands pipeline;
    private final Runnable wakePipeline;

    public PauseEnvironment(PullRequestStages stages, Authorizer authorizer, PipelineCommands pipeline, Runnable wakePipeline) {
        this.environments = new RepositoryEnvironment(stages, authorizer);
        this.pipeline = pipeline;
        this.wakePipeline = wakePipeline;
    }

    @Override
    public CommandName name() {
        return CommandName.PAUSE;
    }

    @Override
    public CommandResult run(CommandContext context, List<String> arguments) throws IOException {
        return switch (environments.check(context, name(), arguments, "pausing")) {
            case RepositoryEnvironment.NotReady notReady -> notReady.refusal();
            case RepositoryEnvironment.Ready ready -> PipelineReplies.reply(context,
                    pipeline.pause(context.repository(), ready.environment(), context.actor()), wakePipeline);
        };
    }
}
