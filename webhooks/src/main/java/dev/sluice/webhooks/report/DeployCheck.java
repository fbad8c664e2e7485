package dev.sluice.webhooks.report;

import dev.sluice.rollout.pipeline.Deployment;
import dev.sluice.rollout.pipeline.EnvironmentStatus;
import dev.sluice.rollout.pipeline.TargetRunState;
import dev.sluice.rollout.release.Release;
import dev.sluice.rollout.release.ReleaseDigest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The {@code sluice/deploy: <environment>} check run (or commit status) of a release's commit,
 * rendered from the deploy's state: queued while it waits, in progress while it runs, then
 * success or failure; the summary says why it waits and lists its databases.
 *
 * @param externalId  {@code deploy:<version>:<environment>}, how a retry finds the run it may already have made
 * @param description the commit status's one line, at most 140 characters
 */
public record DeployCheck(String name, String externalId, Phase phase, String title, String summary, String description) {

    /** What GitHub shows: check-run status and conclusion, or the commit status's state. */
    public enum Phase {
        QUEUED,
        IN_PROGRESS,
        SUCCEEDED,
        FAILED
    }

    public static final String NAME_PREFIX = "sluice/deploy: ";
    /** GitHub's limit for a check run's summary. */
    static final int SUMMARY_LIMIT = 65_535;
    static final int DESCRIPTION_LIMIT = 140;
    /** Databases listed per group in the summary. */
    static final int DATABASE_ROWS = 200;

    private static final String TRUNCATED = "… Too many databases for one check run; `/sluice status` has the rest.\n";

    public DeployCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(description, "description");
    }

    public static String name(String environment) {
        return NAME_PREFIX + environment;
    }

    /** One check run per attempt: GitHub does not let a completed run go back to queued or in progress. */
    public static String externalId(String version, String environment, int attempt) {
        return "deploy:" + version + ":" + environment + (attempt > 1 ? ":" + attempt : "");
    }

    public static DeployCheck of(Release release, EnvironmentStatus status, Instant now) {
        Deployment deployment = status.deployment();
        Phase phase = switch (deployment.state()) {
            case WAITING, READY -> Phase.QUEUED;
            case RUNNING -> Phase.IN_PROGRESS;
            case SUCCEEDED -> Phase.SUCCEEDED;
            case FAILED -> Phase.FAILED;
        };
        String title = title(status);
        StringBuilder summary = new StringBuilder("**Release ").append(release.version()).append("** (commit `")
                .append(Markdown.shortSha(release.commitSha())).append("`, digest `").append(ReleaseDigest.shortForm(release.digest()))
                .append("`) in **").append(Markdown.cell(deployment.environment())).append("**: ")
                .append(TargetSummary.emoji(deployment.state())).append(' ').append(deployment.state().word());
        if (!deployment.reason().isEmpty()) {
            summary.append(" — ").append(Markdown.cell(deployment.reason()));
        }
        summary.append(".\n\n");
        ReleaseComment.duration(deployment, now).ifPresent(duration -> summary.append("Duration: ").append(Markdown.duration(duration))
                .append(".\n\n"));
        if (status.required() > 0 || !status.approvals().isEmpty()) {
            summary.append("Approved by: ").append(ReleaseComment.approvals(status)).append(".\n\n");
        }
        List<TargetSummary> targets = TargetSummary.of(status.targets());
        if (!targets.isEmpty()) {
            summary.append("| target | state | versions | duration | detail |\n|---|---|---|---|---|\n");
            for (TargetSummary target : targets) {
                summary.append("| ").append(Markdown.cell(target.target())).append(" | ").append(TargetSummary.emoji(target.state()))
                        .append(' ').append(target.progress()).append(" | ").append(Markdown.versions(target.versions())).append(" | ")
                        .append(Markdown.duration(target.duration())).append(" | ").append(Markdown.cell(target.detail())).append(" |\n");
            }
            summary.append('\n');
            for (TargetSummary target : targets) {
                if (target.group()) {
                    summary.append(target.folded(Markdown.cell(target.target()), DATABASE_ROWS)).append('\n');
                }
            }
        }
        String description = title.length() <= DESCRIPTION_LIMIT ? title : title.substring(0, DESCRIPTION_LIMIT - 1) + "…";
        return new DeployCheck(name(deployment.environment()), externalId(release.version(), deployment.environment(), deployment.attempt()), phase, title,
                Markdown.truncate(summary.toString(), SUMMARY_LIMIT, TRUNCATED), description);
    }

    private static String title(EnvironmentStatus status) {
        Deployment deployment = status.deployment();
        int databases = status.targets().size();
        long done = status.targets().stream().filter(run -> run.state() == TargetRunState.SUCCEEDED).count();
        String reason = deployment.reason().strip().replace('\n', ' ');
        return switch (deployment.state()) {
            case WAITING -> reason.isEmpty() ? "Waiting" : "Waiting: " + reason;
            case READY -> "Ready to start";
            case RUNNING -> databases == 0 ? "Running" : "Running: " + done + " of " + databases + " databases done";
            case SUCCEEDED -> "Deployed to " + databases + (databases == 1 ? " database" : " databases");
            case FAILED -> {
                long failed = status.targets().stream().filter(run -> run.state() == TargetRunState.FAILED).count();
                String what = failed == 0 ? "Failed" : "Failed on " + failed + " of " + databases + (databases == 1 ? " database" : " databases");
                yield reason.isEmpty() ? what : what + ": " + reason;
            }
        };
    }
}
