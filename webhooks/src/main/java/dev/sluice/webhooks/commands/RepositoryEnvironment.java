package dev.sluice.webhooks.commands;

import dev.sluice.rollout.RolloutException;
import dev.sluice.rollout.config.ProjectConfig;
import dev.sluice.webhooks.authz.Authorization;
import dev.sluice.webhooks.authz.Authorizer;
import dev.sluice.webhooks.authz.Requirement;
import dev.sluice.webhooks.promotion.EnvironmentArgument;
import dev.sluice.webhooks.promotion.PullRequestStages;
import dev.sluice.webhooks.promotion.Stage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The checks of a command on a whole environment of the repository (pause, resume): a known
 * environment (of the pull request's release policy once merged, else of the default branch's
 * sluice.yaml), no other arguments, and write access.
 */
final class RepositoryEnvironment {

    private final PullRequestStages stages;
    private final Authorizer authorizer;

    RepositoryEnvironment(PullRequestStages stages, Authorizer authorizer) {
        this.stages = stages;
        this.authorizer = authorizer;
    }

    /** The environment's name, or the refusal to reply with. */
    sealed interface Checked {
    }

    record Ready(String environment) implements Checked {
    }

    record NotReady(CommandResult.Refused refusal) implements Checked {
    }

    Checked check(CommandContext context, CommandName name, List<String> arguments, String action) throws IOException {
        Optional<ProjectConfig> policy = policy(context);
        if (policy.isEmpty()) {
            return refused(context, "sluice.yaml on the default branch is invalid, so Sluice cannot tell its environments;"
                    + " fix it first.");
        }
        String usage = "/sluice " + MergedRelease.usage(name);
        return switch (EnvironmentArgument.read(policy.get(), arguments, usage)) {
            case EnvironmentArgument.Invalid invalid -> refused(context, invalid.reply());
            case EnvironmentArgument.Found found when !found.rest().isEmpty() ->
                    refused(context, "`" + String.join(" ", found.rest()) + "` is more than the command takes. Write `" + usage + "`.");
            case EnvironmentArgument.Found found -> switch (authorizer.decide(context.installation(), context.repository(),
                    context.actor(), new Requirement.WriteAccess(action + " " + found.environment().name()))) {
                case Authorization.Denied denied -> new NotReady(new CommandResult.Refused(denied.reason() + " Nothing was done."));
                case Authorization.Allowed allowed -> new Ready(found.environment().name());
            };
        };
    }

    /** The policy commands on the repository answer to: the merged release's, else the default branch's; empty when invalid. */
    Optional<ProjectConfig> policy(CommandContext context) throws IOException {
        Stage stage = stages.stage(context.installation(), context.repository(), context.pullRequest());
        if (stage instanceof Stage.Merged merged) {
            return Optional.of(merged.release().policy());
        }
        try {
            String branch = stages.defaultBranch(context.installation(), context.repository(), context.defaultBranch());
            return Optional.of(stages.defaultBranchPolicy(context.installation(), context.repository(), branch).config());
        } catch (RolloutException e) {
            return Optional.empty();
        }
    }

    private static NotReady refused(CommandContext context, String text) {
        return new NotReady(new CommandResult.Refused("@" + context.actor() + " " + text));
    }
}
