package dev.sluice.webhooks.commands;

import dev.sluice.rollout.config.ApprovalPolicy;
import dev.sluice.rollout.config.EnvironmentConfig;
import dev.sluice.rollout.config.ProjectConfig;
import dev.sluice.rollout.drift.ControllerSnapshots;
import dev.sluice.rollout.drift.DriftChecker;
import dev.sluice.rollout.drift.RecordedSchema;
import dev.sluice.webhooks.authz.Authorization;
import dev.sluice.webhooks.authz.Authorizer;
import dev.sluice.webhooks.authz.Requirement;
import dev.sluice.webhooks.promotion.EnvironmentArgument;
import dev.sluice.webhooks.promotion.PullRequestStages;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /sluice baseline <env> <target>}: accepts the live schema of a target (every database of a
 * group that has a recorded schema), or of one database ({@code <target>/<database>}), as the
 * recorded one, which ends its drift. Authorised like an approval of the environment; audited.
 */
public final class BaselineTarget implements CommandRunner {

    private final RepositoryEnvironment environments;
    private final Authorizer authorizer;
    private final DriftChecker drift;
    private final ControllerSnapshots snapshots;

    public BaselineTarget(PullRequestStages stages, Authorizer authorizer, DriftChecker drift, ControllerSnapshots snapshots) {
        this.environments = new RepositoryEnvironment(stages, authorizer);
        this.authorizer = authorizer;
        this.drift = drift;
        this.snapshots = snapshots;
    }

    @Override
    public CommandName name() {
        return CommandName.BASELINE;
    }

    @Override
    public CommandResult run(CommandContext context, List<String> arguments) throws IOException {
        Optional<ProjectConfig> policy = environments.policy(context);
        if (policy.isEmpty()) {
            return refused(context, "sluice.yaml on the default branch is invalid, so Sluice cannot tell its environments; fix it first.");
        }
        String usage = "/sluice baseline <env> <target>";
        EnvironmentArgument argument = EnvironmentArgument.read(policy.get(), arguments, usage);
        if (argument instanceof EnvironmentArgument.Invalid invalid) {
            return refused(context, invalid.reply());
        }
        EnvironmentArgument.Found found = (EnvironmentArgument.Found) argument;
        EnvironmentConfig environment = found.environment();
        if (found.rest().size() != 1) {
            return refused(context, "name one target of " + environment.name() + " (" + String.join(", ", environment.targets())
                    + "), or one database as <target>/<database>. Write `" + usage + "`.");
        }
        String[] named = found.rest().getFirst().split("/", 2);
        if (!environment.targets().contains(named[0])) {
            return refused(context, environment.name() + " has no target " + named[0] + "; its targets: "
                    + String.join(", ", environment.targets()) + ".");
        }
        Requirement requirement = environment.approval() instanceof ApprovalPolicy.Approvers approvers
                ? new Requirement.Approver("accepting the live schema of " + found.rest().getFirst(), environment.name(), approvers.approvers())
                : new Requirement.WriteAccess("accepting the live schema of " + found.rest().getFirst());
        if (authorizer.decide(context.installation(), context.repository(), context.actor(), requirement)
                instanceof Authorization.Denied denied) {
            return new CommandResult.Refused(denied.reason() + " Nothing was done.");
        }
        List<String> databases = new ArrayList<>();
        if (named.length == 2) {
            databases.add(named[1]);
        } else {
            snapshots.all().stream().filter(recorded -> recorded.target().equals(named[0])).map(RecordedSchema::database)
                    .forEach(databases::add);
            if (databases.isEmpty()) {
                databases.add(""); // a single database, or a group Sluice has not recorded yet: the target's own
            }
        }
        List<String> accepted = new ArrayList<>();
        for (String database : databases) {
            String label = database.isEmpty() ? named[0] : named[0] + "/" + database;
            int differences = drift.check(named[0], database) instanceof DriftChecker.Outcome.Checked checked
                    ? checked.drift().differences().size() : 0;
            try {
                drift.record(named[0], database, Optional.of(context.repository()), Optional.empty(), context.actor(), "baseline");
            } catch (SQLException | IllegalArgumentException e) {
                return refused(context, "could not read the live schema of " + label + ": " + e.getMessage()
                        + (accepted.isEmpty() ? "" : " (accepted before it: " + String.join(", ", accepted) + ")"));
            }
            accepted.add(label + (differences == 0 ? "" : " (" + differences + " difference" + (differences == 1 ? "" : "s")
                    + " accepted)"));
        }
        return new CommandResult.Done("@" + context.actor() + " accepted the live schema as the recorded one for "
                + String.join(", ", accepted) + ". Drift is now measured from here.");
    }

    private static CommandResult refused(CommandContext context, String text) {
        return new CommandResult.Refused("@" + context.actor() + " " + text);
    }
}
