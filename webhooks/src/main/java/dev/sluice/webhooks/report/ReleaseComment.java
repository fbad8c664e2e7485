package dev.sluice.webhooks.report;

import dev.sluice.rollout.pipeline.Deployment;
import dev.sluice.rollout.pipeline.DeploymentKind;
import dev.sluice.rollout.pipeline.DeploymentState;
import dev.sluice.rollout.pipeline.EnvironmentStatus;
import dev.sluice.rollout.pipeline.ReleaseStatus;
import dev.sluice.rollout.release.Release;
import dev.sluice.rollout.release.ReleaseDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The release's sticky comment on its merged pull request: a hidden marker, what was released,
 * and a row per environment and target (a database group on one row, its databases folded
 * below), rollbacks on rows of their own.
 */
public final class ReleaseComment {

    public static final String MARKER = "<!-- sluice:release -->";
    /** GitHub refuses comment bodies over 65,536 characters. */
    static final int LIMIT = 65_000;
    /** Databases listed in the folded sections, across the whole comment. */
    static final int DATABASE_ROWS = 200;
    static final int MIN_ROWS_PER_GROUP = 20;

    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String TRUNCATED = "… The release is too large for one comment; `/sluice status` and the"
            + " `sluice/deploy` check runs have the rest.\n";

    private ReleaseComment() {
    }

    public static String render(ReleaseStatus status, Instant now) {
        Release release = status.release();
        StringBuilder body = new StringBuilder(MARKER).append('\n').append(headline(release.version())).append("\n\n")
                .append("Commit `").append(Markdown.shortSha(release.commitSha())).append("` · digest `")
                .append(ReleaseDigest.shortForm(release.digest())).append('`');
        release.pullRequest().ifPresent(number -> body.append(" · from #").append(number));
        release.author().ifPresent(author -> body.append(" by @").append(author));
        body.append("\n\n");
        if (status.environments().isEmpty()) {
            body.append("No environments: `sluice.yaml` lists none.\n\n");
        } else {
            body.append("| environment | target | state | versions | duration | approved by | notes |\n|---|---|---|---|---|---|---|\n");
            List<String> folded = new ArrayList<>();
            long groups = status.environments().stream().flatMap(environment -> TargetSummary.of(environment.targets()).stream())
                    .filter(TargetSummary::group).count();
            int cap = groups == 0 ? 0 : (int) Math.max(MIN_ROWS_PER_GROUP, DATABASE_ROWS / groups);
            for (EnvironmentStatus environment : status.environments()) {
                rows(body, environment, now);
                for (TargetSummary target : TargetSummary.of(environment.targets())) {
                    if (target.group()) {
                        folded.add(target.folded(plainHeading(environment.deployment()) + " · " + Markdown.cell(target.target()), cap));
                    }
                }
            }
            body.append('\n');
            folded.forEach(section -> body.append(section).append('\n'));
        }
        body.append("<sub>Updated ").append(UPDATED.format(now)).append(". Approve with `/sluice approve <environment>`;"
                + " `/sluice status` shows the same.</sub>\n");
        return Markdown.truncate(body.toString(), LIMIT, TRUNCATED);
    }

    /** What is posted when GitHub refuses even the cut comment as too long: the headline, and where the status is. */
    public static String shortened(String version) {
        return MARKER + "\n" + headline(version) + "\n\nThis release's status is too long for a comment (GitHub refused it)."
                + " `/sluice status`, the `sluice/deploy` check runs and `GET /api/releases/" + version + "` have all of it.\n";
    }

    /** The headline that, after the marker, tells this release's comment from another release's on the same pull request. */
    static String headline(String version) {
        return "### Release " + version;
    }

    /** Whether a comment is the sticky comment of this release. */
    public static boolean isFor(String body, String version) {
        return body != null && body.startsWith(MARKER + "\n" + headline(version) + "\n");
    }

    private static void rows(StringBuilder body, EnvironmentStatus environment, Instant now) {
        Deployment deployment = environment.deployment();
        String approvals = deployment.kind() == DeploymentKind.DEPLOY ? approvals(environment) : "–";
        String notes = notes(deployment);
        List<TargetSummary> targets = TargetSummary.of(environment.targets());
        if (targets.isEmpty()) {
            row(body, heading(deployment), "–", TargetSummary.emoji(deployment.state()) + " " + deployment.state().word(), "–",
                    Markdown.duration(duration(deployment, now)), approvals, notes);
            return;
        }
        for (int i = 0; i < targets.size(); i++) {
            TargetSummary target = targets.get(i);
            String detail = target.detail();
            String rowNotes = i > 0 ? detail : notes.isEmpty() ? detail : detail.isEmpty() ? notes : notes + " — " + detail;
            row(body, i == 0 ? heading(deployment) : "", target.target(), TargetSummary.emoji(target.state()) + " " + target.progress(),
                    Markdown.versions(target.versions()), Markdown.duration(target.duration()), i == 0 ? approvals : "", rowNotes);
        }
    }

    private static void row(StringBuilder body, String environment, String target, String state, String versions, String duration,
            String approvals, String notes) {
        body.append("| ").append(environment).append(" | ").append(Markdown.cell(target)).append(" | ").append(state).append(" | ")
                .append(versions).append(" | ").append(duration).append(" | ").append(approvals).append(" | ")
                .append(Markdown.cell(notes)).append(" |\n");
    }

    static String heading(Deployment deployment) {
        return switch (deployment.kind()) {
            case DEPLOY -> "**" + Markdown.cell(deployment.environment()) + "**";
            case ROLLBACK -> Markdown.cell(deployment.environment()) + " ↩";
        };
    }

    /** The heading inside {@code <summary>}, where markdown is not rendered. */
    private static String plainHeading(Deployment deployment) {
        return switch (deployment.kind()) {
            case DEPLOY -> Markdown.cell(deployment.environment());
            case ROLLBACK -> Markdown.cell(deployment.environment()) + " rollback";
        };
    }

    /** "@alice, @bob (2 of 2)" where approvals are required; who approved, if anyone, where they are not. */
    static String approvals(EnvironmentStatus environment) {
        List<String> actors = environment.approvals().stream().map(approval -> "@" + approval.actor()).distinct().toList();
        String names = String.join(", ", actors);
        if (environment.required() == 0) {
            return actors.isEmpty() ? "–" : names;
        }
        String count = actors.size() + " of " + environment.required();
        return actors.isEmpty() ? count : names + " (" + count + ")";
    }

    private static String notes(Deployment deployment) {
        return switch (deployment.kind()) {
            case DEPLOY -> deployment.reason();
            case ROLLBACK -> {
                String what = "rollback" + deployment.toVersion().map(version -> " to " + Markdown.version(version)).orElse("")
                        + (deployment.requestedBy().isEmpty() ? "" : " requested by @" + deployment.requestedBy());
                yield deployment.reason().isEmpty() ? what : what + " — " + deployment.reason();
            }
        };
    }

    /** How long it ran, or has been running. */
    static Optional<Duration> duration(Deployment deployment, Instant now) {
        if (deployment.startedAt().isEmpty()) {
            return Optional.empty();
        }
        Instant end = deployment.finishedAt().orElse(deployment.state() == DeploymentState.RUNNING ? now : deployment.startedAt().get());
        return Optional.of(Duration.between(deployment.startedAt().get(), end));
    }
}
