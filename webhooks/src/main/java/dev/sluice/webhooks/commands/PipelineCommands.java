package dev.sluice.webhooks.commands;

import dev.sluice.rollout.pipeline.CommandOutcome;
import dev.sluice.rollout.release.Release;
import java.util.Optional;

/** The pipeline commands people give from pull requests; {@link PipelineCommandsAdapter} hands them to the pipeline. */
public interface PipelineCommands {

    CommandOutcome deploy(Release release, String environment, String actor);

    CommandOutcome retry(Release release, String environment, Optional<String> targetOrDatabase, String actor);

    CommandOutcome rollback(Release release, String environment, Optional<String> toVersion, String actor);

    CommandOutcome pause(String repository, String environment, String actor);

    CommandOutcome resume(String repository, String environment, String actor);
}
