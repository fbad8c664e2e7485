package dev.sluice.webhooks.commands;

import dev.sluice.webhooks.authz.Authorizer;
import dev.sluice.webhooks.promotion.PullRequestStages;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** {@code /sluice rollback <env> [--to <version>]}: applies the release's down migrations (write access). */
public final class RollBackEnvironment implements CommandRunner {

    private final MergedRelease merged;
    private final PipelineCommands pipeline;
    private final Runnable wakePipeline;

    public RollBackEnvironment(PullRequestStages stages, Authorizer authorizer, PipelineCommands pipeline, Runnable wakePipeline) {
        this.merged = new MergedRelease(stages, authorizer);
        this.pipeline = pipeline;
        this.wakePipeline = wakePipeline;
    }

    @Override
    public CommandName name() {
        return CommandName.ROLLBACK;
    }

    @Override
    public CommandResult run(CommandContext context, List<String> arguments) throws IOException {
        MergedRelease.RestCheck toVersion = rest -> toVersion(rest).isPresent() || rest.isEmpty() ? Optional.empty()
                : Optional.of("`" + String.join(" ", rest) + "` is not `--to <version>`.");
        return switch (merged.check(context, name(), arguments, toVersion, "rolling back release {version} in {env}")) {
            case MergedRelease.NotReady notReady -> notReady.refusal();
            case MergedRelease.Ready ready -> PipelineReplies.reply(context, pipeline.rollback(ready.release(), ready.environment().name(),
                    toVersion(ready.rest()), context.actor()), wakePipeline);
        };
    }

    /** {@code --to <version>} or {@code --to=<version>}; empty for anything else. */
    static Optional<String> toVersion(List<String> rest) {
        if (rest.size() == 2 && rest.getFirst().equals("--to") && !rest.get(1).startsWith("-")) {
            return Optional.of(rest.get(1));
        }
        if (rest.size() == 1 && rest.getFirst().startsWith("--to=") && rest.getFirst().length() > 5) {
            return Optional.of(rest.getFirst().substring(5));
        }
        return Optional.empty();
    }
}
