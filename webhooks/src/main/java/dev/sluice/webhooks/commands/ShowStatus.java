package dev.sluice.webhooks.commands;

import dev.sluice.rollout.drift.DriftStates;
import dev.sluice.rollout.pipeline.Approval;
import dev.sluice.rollout.pipeline.Deployment;
import dev.sluice.rollout.pipeline.DeploymentKind;
import dev.sluice.rollout.pipeline.Deployments;
import dev.sluice.rollout.pipeline.EnvironmentStatus;
import dev.sluice.rollout.pipeline.Holds;
import dev.sluice.rollout.pipeline.ReleaseStatus;
import dev.sluice.rollout.pipeline.TargetRun;
import dev.sluice.rollout.pipeline.TargetRunState;
import dev.sluice.rollout.release.Release;
import dev.sluice.webhooks.promotion.PullRequestStages;
import dev.sluice.webhooks.promotion.Stage;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code /sluice status}: a compact line per environment of the pull request's release. Anyone
 * who can comment may ask; it changes nothing. (The release's sticky comment is the full picture.)
 */
public final class ShowStatus implements CommandRunner {

    private final PullRequestStages stages;
    private final Deployments deployments;
    private final Holds holds;
    private final DriftStates drift;

    public ShowStatus(PullRequestStages stages, Deployments deployments, Holds holds, DriftStates drift) {
        this.stages = stages;
        this.deployments = deployments;
        this.holds = holds;
        this.drift = drift;
    }

    @Override
    public CommandName name() {
        return CommandName.STATUS;
    }

    @Override
    public CommandResult run(CommandContext context, List<String> arguments) throws IOException {
        String mention = "@" + context.actor() + " ";
        return switch (stages.stage(context.installation(), context.repository(), context.pullRequest())) {
            case Stage.Open open -> new CommandResult.Refused(mention + "pull request #" + context.pullRequest()
                    + " is not merged yet; nothing to deploy. A release is cut when it is merged.");
            case Stage.Closed closed -> new CommandResult.Refused(mention + closed.why() + ".");
            case Stage.Merged merged -> new CommandResult.Done(mention + render(deployments.status(merged.release()),
                    holds.heldBy(context.repository(), context.pullRequest()).map(who -> "held by @" + who + " (label sluice/hold)")
                            .orElse(""), this::pausedBy) + drifted(merged.release()));
        };
    }

    /** The release's target databases whose schema drifted from the recorded one, as of the last check. */
    private String drifted(Release release) {
        java.util.Set<String> targets = new java.util.HashSet<>();
        release.policy().environments().forEach(environment -> targets.addAll(environment.targets()));
        List<DriftStates.DriftState> drifted = drift.all().stream()
                .filter(state -> state.drifted() && targets.contains(state.target())).toList();
        if (drifted.isEmpty()) {
            return "";
        }
        return "\nschema drift (last checked): " + drifted.stream().limit(10)
                .map(state -> state.label() + " " + state.differences() + " difference" + (state.differences() == 1 ? "" : "s"))
                .collect(Collectors.joining(", ")) + (drifted.size() > 10 ? " and " + (drifted.size() - 10) + " more" : "")
                + "; `/sluice baseline <env> <target>` accepts a live schema";
    }

    private String pausedBy(Release release, String environment) {
        return holds.pausedBy(release.repository(), environment).map(who -> " — paused by @" + who).orElse("");
    }

    @FunctionalInterface
    interface PauseNote {
        String of(Release release, String environment);
    }

    static String render(ReleaseStatus status, String hold, PauseNote paused) {
        Release release = status.release();
        StringBuilder text = new StringBuilder("release " + release.version() + " (commit " + release.commitSha().substring(0,
                Math.min(7, release.commitSha().length())) + ", " + release.files().size() + " migration"
                + (release.files().size() == 1 ? "" : "s") + ")" + (hold.isEmpty() ? "" : ", " + hold) + ":\n");
        for (EnvironmentStatus environment : status.environments()) {
            Deployment deployment = environment.deployment();
            text.append("- ").append(deployment.kind() == DeploymentKind.ROLLBACK ? "rollback in " : "")
                    .append(deployment.environment()).append(": ").append(deployment.state().word());
            if (!deployment.reason().isBlank()) {
                text.append(" (").append(deployment.reason()).append(")");
            }
            int required = environment.required();
            if (required > 0 && deployment.kind() == DeploymentKind.DEPLOY) {
                text.append(", ").append(approvals(environment.approvals(), required));
            }
            List<TargetRun> failed = environment.targets().stream().filter(run -> run.state() == TargetRunState.FAILED).toList();
            if (!environment.targets().isEmpty()) {
                long done = environment.targets().stream().filter(run -> run.state() == TargetRunState.SUCCEEDED).count();
                text.append(", ").append(done).append(" of ").append(environment.targets().size()).append(" databases done");
            }
            if (!failed.isEmpty()) {
                text.append(", failed: ").append(failed.stream().limit(5).map(TargetRun::label).collect(Collectors.joining(", ")))
                        .append(failed.size() > 5 ? " and " + (failed.size() - 5) + " more" : "");
            }
            text.append(paused.of(release, deployment.environment())).append('\n');
        }
        return text.toString().stripTrailing();
    }

    private static String approvals(List<Approval> approvals, int required) {
        String who = approvals.stream().map(approval -> "@" + approval.actor()).distinct().collect(Collectors.joining(", "));
        long count = approvals.stream().map(Approval::actor).distinct().count();
        return count + " of " + required + (required == 1 ? " approval" : " approvals") + (who.isEmpty() ? "" : " (" + who + ")");
    }
}
