package dev.sluice.webhooks.commands;

import dev.sluice.rollout.config.EnvironmentConfig;
import dev.sluice.rollout.release.Release;
import dev.sluice.webhooks.authz.Authorization;
import dev.sluice.webhooks.authz.Authorizer;
import dev.sluice.webhooks.authz.Requirement;
import dev.sluice.webhooks.promotion.EnvironmentArgument;
import dev.sluice.webhooks.promotion.PullRequestStages;
import dev.sluice.webhooks.promotion.Stage;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The checks every command on a release makes, in order: merged with a release, a known
 * environment of the release's policy, arguments that parse, and write access (asked last, so a
 * typo costs no GitHub call).
 */
final class MergedRelease {

    /** What the command may act on, or the refusal to reply with. */
    sealed interface Checked {
    }

    record Ready(Release release, EnvironmentConfig environment, List<String> rest) implements Checked {
        Ready {
            Objects.requireNonNull(release, "release");
            Objects.requireNonNull(environment, "environment");
            rest = List.copyOf(rest);
        }
    }

    record NotReady(CommandResult.Refused refusal) implements Checked {
    }

    /** Checks the rest of the arguments; returns the problem, or empty when they are right. */
    @FunctionalInterface
    interface RestCheck {
        java.util.Optional<String> problem(List<String> rest);
    }

    private final PullRequestStages stages;
    private final Authorizer authorizer;

    MergedRelease(PullRequestStages stages, Authorizer authorizer) {
        this.stages = stages;
        this.authorizer = authorizer;
    }

    Checked check(CommandContext context, CommandName name, List<String> arguments, RestCheck rest, String action) throws IOException {
        Stage stage = stages.stage(context.installation(), context.repository(), context.pullRequest());
        Release release;
        switch (stage) {
            case Stage.Merged merged -> release = merged.release();
            case Stage.Open open -> {
                return refused(context, "pull request #" + context.pullRequest() + " is not merged yet; nothing to "
                        + (name == CommandName.STATUS ? "show" : name.word()) + ". A release is cut when it is merged.");
            }
            case Stage.Closed closed -> {
                return refused(context, closed.why() + ".");
            }
        }
        String usage = "/sluice " + usage(name);
        EnvironmentArgument environment = EnvironmentArgument.read(release.policy(), arguments, usage);
        return switch (environment) {
            case EnvironmentArgument.Invalid invalid -> refused(context, invalid.reply());
            case EnvironmentArgument.Found found -> {
                var problem = rest.problem(found.rest());
                if (problem.isPresent()) {
                    yield refused(context, problem.get() + " Write `" + usage + "`.");
                }
                Authorization decision = authorizer.decide(context.installation(), context.repository(), context.actor(),
                        new Requirement.WriteAccess(action.replace("{env}", found.environment().name())
                                .replace("{version}", release.version())));
                yield switch (decision) {
                    case Authorization.Denied denied -> new NotReady(new CommandResult.Refused(denied.reason() + " Nothing was done."));
                    case Authorization.Allowed allowed -> new Ready(release, found.environment(), found.rest());
                };
            }
        };
    }

    /** "deploy <env>" from the command's help line. */
    static String usage(CommandName name) {
        int colon = name.usage().indexOf(':');
        return colon < 0 ? name.word() : name.usage().substring(0, colon);
    }

    private static NotReady refused(CommandContext context, String text) {
        return new NotReady(new CommandResult.Refused("@" + context.actor() + " " + text));
    }

    static RestCheck nothingMore() {
        return rest -> rest.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of("`" + String.join(" ", rest) + "` is more than the command takes.");
    }
}
