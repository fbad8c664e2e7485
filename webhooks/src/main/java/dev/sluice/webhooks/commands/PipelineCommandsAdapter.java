package dev.sluice.webhooks.commands;

import dev.sluice.rollout.pipeline.CommandOutcome;
import dev.sluice.rollout.pipeline.Pipeline;
import dev.sluice.rollout.release.Release;
import java.util.Optional;

/** {@link PipelineCommands} carried out by the promotion pipeline. */
public final class PipelineCommandsAdapter implements PipelineCommands {

    private final Pipeline pipeline;

    public PipelineCommandsAdapter(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public CommandOutcome deploy(Release release, String environment, String actor) {
        return pipeline.deploy(release, environment, actor);
    }

    @Override
    public CommandOutcome retry(Release release, String environment, Optional<String> targetOrDatabase, String actor) {
        return pipeline.retry(release, environment, targetOrDatabase, actor);
    }

    @Override
    public CommandOutcome rollback(Release release, String environment, Optional<String> toVersion, String actor) {
        return pipeline.rollback(release, environment, toVersion, actor);
    }

    @Override
    public CommandOutcome pause(String repository, String environment, String actor) {
        return pipeline.pause(repository, environment, actor);
    }

    @Override
    public CommandOutcome resume(String repository, String environment, String actor) {
        return pipeline.resume(repository, environment, actor);
    }
}
