package dev.sluice.webhooks.commands;

import dev.sluice.rollout.pipeline.CommandOutcome;
import dev.sluice.rollout.release.Release;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Records the pipeline commands it is given and accepts them (or refuses, when told to). */
final class RecordingPipeline implements PipelineCommands {

    final List<String> calls = new ArrayList<>();
    Optional<String> refuse = Optional.empty();

    private CommandOutcome answer(String call) {
        calls.add(call);
        return refuse.<CommandOutcome>map(CommandOutcome.Refused::new).orElseGet(() -> new CommandOutcome.Accepted(call + " accepted."));
    }

    @Override
    public CommandOutcome deploy(Release release, String environment, String actor) {
        return answer("deploy " + release.version() + " " + environment + " by " + actor);
    }

    @Override
    public CommandOutcome retry(Release release, String environment, Optional<String> targetOrDatabase, String actor) {
        return answer("retry " + release.version() + " " + environment + " " + targetOrDatabase.orElse("*") + " by " + actor);
    }

    @Override
    public CommandOutcome rollback(Release release, String environment, Optional<String> toVersion, String actor) {
        return answer("rollback " + release.version() + " " + environment + " to " + toVersion.orElse("previous") + " by " + actor);
    }

    @Override
    public CommandOutcome pause(String repository, String environment, String actor) {
        return answer("pause " + repository + " " + environment + " by " + actor);
    }

    @Override
    public CommandOutcome resume(String repository, String environment, String actor) {
        return answer("resume " + repository + " " + environment + " by " + actor);
    }
}
