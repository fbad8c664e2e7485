package dev.sluice.webhooks.report;

import dev.sluice.rollout.controller.Outbox;
import dev.sluice.rollout.drift.DriftStates;
import dev.sluice.rollout.controller.OutboxMessage;
import dev.sluice.rollout.pipeline.Deployments;
import dev.sluice.rollout.pipeline.EnvironmentStatus;
import dev.sluice.rollout.release.Release;
import dev.sluice.rollout.release.Releases;
import dev.sluice.webhooks.github.BodyTooLong;
import dev.sluice.webhooks.github.GitHubBusy;
import dev.sluice.webhooks.github.GitHubClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHCheckRunBuilder;
import org.kohsuke.github.GHCommitState;
import org.kohsuke.github.GHException;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHRef;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.HttpException;

/**
 * Sends the reports the controller owes GitHub ({@link Outbox}): the release's sticky comment, the
 * {@code sluice/deploy: <env>} check runs (or commit statuses), replies, labels and tags. Each is
 * rendered from the controller's state at the moment it is sent, so a late or repeated send shows
 * the latest state and never repeats work. A GitHub failure delays one report: rate limits and
 * outages retry later, a refusal that will not change parks it; the others in the batch go on.
 */
public final class SendReports {

    /** Reports claimed per pass; the sender is called again while there are more. */
    static final int BATCH = 20;
    /** A reason stored for operators, not a copy of GitHub's whole answer. */
    static final int REASON_LIMIT = 500;

    private final Outbox outbox;
    private final Releases releases;
    private final Deployments deployments;
    private final GitHubClients clients;
    private final DriftStates drift;
    private final Clock clock;

    public SendReports(Outbox outbox, Releases releases, Deployments deployments, DriftStates drift, GitHubClients clients,
            Clock clock) {
        this.outbox = outbox;
        this.drift = drift;
        this.releases = releases;
        this.deployments = deployments;
        this.clients = clients;
        this.clock = clock;
    }

    /** What one attempt at a report came to. */
    sealed interface Attempt {

        record Sent() implements Attempt {
        }

        /** Try again later: GitHub is busy or down, or the answer was lost. */
        record Later(String reason, Optional<Instant> notBefore) implements Attempt {
        }

        /** GitHub refused it for good (gone, invalid, forbidden): park it for an operator. */
        record Refused(String reason) implements Attempt {
        }
    }

    /** Sends the reports that are due; returns how many it claimed (0 when none was due). */
    public int sendDue() {
        List<OutboxMessage> due = outbox.claim(BATCH);
        // Once GitHub said "wait" to an installation, the rest of its reports wait too instead of asking again.
        Map<Long, GitHubBusy> waiting = new HashMap<>();
        for (OutboxMessage message : due) {
            GitHubBusy busy = waiting.get(message.installation());
            Attempt attempt = busy != null ? new Attempt.Later(busy.getMessage(), Optional.of(busy.retryAt())) : attempt(message);
            if (attempt instanceof Attempt.Later later && later.notBefore().isPresent() && busy == null) {
                waiting.put(message.installation(), new GitHubBusy(later.reason(), later.notBefore().get()));
            }
            switch (attempt) {
                case Attempt.Sent sent -> outbox.done(message);
                case Attempt.Later later -> outbox.retryOrPark(message, bounded(later.reason()), later.notBefore());
                case Attempt.Refused refused -> outbox.park(message, bounded(refused.reason()));
            }
        }
        return due.size();
    }

    Attempt attempt(OutboxMessage message) {
        try {
            GitHub github = clients.forInstallation(message.installation());
            return switch (message.kind()) {
                case RELEASE_COMMENT -> releaseComment(github, message);
                case DEPLOY_CHECK -> deployCheck(github, message);
                case REPLY -> reply(github, message);
                case REMOVE_LABEL -> removeLabel(message);
                case ADD_LABEL -> addLabel(github, message);
                case TAG -> tag(github, message);
                case DRIFT_ISSUE -> driftIssue(github, message);
            };
        } catch (IOException | RuntimeException e) {
            return failed(e);
        }
    }

    /** Sorts a failure: wait as long as GitHub asked, retry outages and lost answers, park refusals. */
    static Attempt failed(Throwable failure) {
        return switch (failure) {
            case GitHubBusy busy -> new Attempt.Later(busy.getMessage(), Optional.of(busy.retryAt()));
            case GHFileNotFoundException gone -> new Attempt.Refused("GitHub answered 404 (not found): " + gone.getMessage());
            case HttpException http -> byStatus(http.getResponseCode(), http.getMessage());
            case IOException io -> new Attempt.Later(io.getClass().getSimpleName() + ": " + io.getMessage(), Optional.empty());
            // Paged lists wrap their IOExceptions.
            case GHException wrapped when wrapped.getCause() != null -> failed(wrapped.getCause());
            case UncheckedIOException wrapped -> failed(wrapped.getCause());
            default -> new Attempt.Later(failure.getClass().getSimpleName() + ": " + failure.getMessage(), Optional.empty());
        };
    }

    static Attempt byStatus(int status, String message) {
        String reason = "GitHub answered " + status + ": " + message;
        // 401: the installation token is being replaced; 408/5xx/no status: an outage or a lost answer.
        if (status >= 500 || status == 401 || status == 408 || status == 429 || status <= 0) {
            return new Attempt.Later(reason, Optional.empty());
        }
        return new Attempt.Refused(reason);
    }

    private Attempt releaseComment(GitHub github, OutboxMessage message) throws IOException {
        String version = message.subject();
        Optional<Release> found = releases.byVersion(message.repository(), version);
        if (found.isEmpty()) {
            return new Attempt.Refused("no release " + version + " in " + message.repository());
        }
        Release release = found.get();
        if (release.pullRequest().isEmpty()) {
            return new Attempt.Sent(); // pushed without a pull request: nowhere to comment
        }
        int number = release.pullRequest().get();
        String body = ReleaseComment.render(deployments.status(release), clock.instant());
        return BodyTooLong.sendOrShorten(body, () -> ReleaseComment.shortened(version),
                text -> releaseComment(github, message, version, number, text));
    }

    /** Edits the remembered sticky comment, or the one found by its marker, or posts it. */
    private Attempt releaseComment(GitHub github, OutboxMessage message, String version, int number, String body) throws IOException {
        String key = "release-comment:" + version;
        Optional<Long> remembered = outbox.handle(message.repository(), key);
        if (remembered.isPresent()) {
            try {
                Addressed.comment(github, message.repository(), number, remembered.get()).update(body);
                return new Attempt.Sent();
            } catch (GHFileNotFoundException deleted) {
                // Someone deleted it (scenario 70): find another or make a new one.
            }
        }
        GHIssue issue = Addressed.issue(github, message.repository(), number);
        // A POST whose answer was lost may have made the comment after all: look before making one (P24).
        for (GHIssueComment comment : issue.listComments()) {
            if (ReleaseComment.isFor(comment.getBody(), version) && !remembered.equals(Optional.of(comment.getId()))) {
                try {
                    comment.update(body);
                    outbox.rememberHandle(message.repository(), key, comment.getId());
                    return new Attempt.Sent();
                } catch (GHFileNotFoundException deleted) {
                    break;
                }
            }
        }
        GHIssueComment created = issue.comment(body);
        outbox.rememberHandle(message.repository(), key, created.getId());
        return new Attempt.Sent();
    }

    private Attempt deployCheck(GitHub github, OutboxMessage message) throws IOException {
        String[] subject = message.subject().split(" ", 2);
        if (subject.length != 2) {
            return new Attempt.Refused("not '<version> <environment>': " + message.subject());
        }
        String version = subject[0];
        String environment = subject[1];
        Optional<Release> found = releases.byVersion(message.repository(), version);
        if (found.isEmpty()) {
            return new Attempt.Refused("no release " + version + " in " + message.repository());
        }
        Release release = found.get();
        Optional<EnvironmentStatus> status = deployments.status(release).deploy(environment);
        if (status.isEmpty()) {
            return new Attempt.Refused("release " + version + " has no deploy to " + environment);
        }
        DeployCheck check = DeployCheck.of(release, status.get(), clock.instant());
        GHRepository repository = Addressed.repository(github, message.repository());
        if (!clients.usesChecks()) {
            GHCommitState state = switch (check.phase()) {
                case QUEUED, IN_PROGRESS -> GHCommitState.PENDING;
                case SUCCEEDED -> GHCommitState.SUCCESS;
                case FAILED -> GHCommitState.FAILURE;
            };
            repository.createCommitStatus(release.commitSha(), state, null, check.description(), check.name());
            return new Attempt.Sent();
        }
        int attempt = status.get().deployment().attempt();
        String key = "deploy-check:" + version + ":" + environment + (attempt > 1 ? ":" + attempt : "");
        Optional<Long> remembered = outbox.handle(message.repository(), key);
        if (remembered.isPresent()) {
            try {
                fill(repository.updateCheckRun(remembered.get()), check, status.get()).create();
                return new Attempt.Sent();
            } catch (GHFileNotFoundException gone) {
                // Not there any more: find the run by its external id, or make one.
            }
        }
        Optional<Long> existing = Optional.empty();
        for (GHCheckRun run : repository.getCheckRuns(release.commitSha(), Map.of("check_name", check.name()))) {
            if (check.externalId().equals(run.getExternalId())) {
                existing = Optional.of(run.getId());
                break;
            }
        }
        GHCheckRunBuilder builder = existing.isPresent() ? repository.updateCheckRun(existing.get())
                : repository.createCheckRun(check.name(), release.commitSha());
        GHCheckRun run = fill(builder, check, status.get()).create();
        outbox.rememberHandle(message.repository(), key, existing.orElse(run.getId()));
        return new Attempt.Sent();
    }

    private GHCheckRunBuilder fill(GHCheckRunBuilder builder, DeployCheck check, EnvironmentStatus status) {
        builder.withExternalID(check.externalId()).add(new GHCheckRunBuilder.Output(check.title(), check.summary()));
        Date started = Date.from(status.deployment().startedAt().orElse(clock.instant()));
        Date finished = Date.from(status.deployment().finishedAt().orElse(clock.instant()));
        return switch (check.phase()) {
            case QUEUED -> builder.withStatus(GHCheckRun.Status.QUEUED);
            case IN_PROGRESS -> builder.withStatus(GHCheckRun.Status.IN_PROGRESS).withStartedAt(started);
            case SUCCEEDED -> builder.withStatus(GHCheckRun.Status.COMPLETED).withConclusion(GHCheckRun.Conclusion.SUCCESS)
                    .withStartedAt(started).withCompletedAt(finished);
            case FAILED -> builder.withStatus(GHCheckRun.Status.COMPLETED).withConclusion(GHCheckRun.Conclusion.FAILURE)
                    .withStartedAt(started).withCompletedAt(finished);
        };
    }

    /**
     * One GitHub issue per drifted target database: opened when drift is found, its text kept up
     * to date while it lasts, closed (with a comment) when the schema is as recorded again, and
     * reopened should it drift again. Its number is remembered as {@code drift-issue:<target>/<db>}.
     */
    private Attempt driftIssue(GitHub github, OutboxMessage message) throws IOException {
        String[] subject = message.subject().split("/", 2);
        if (subject.length != 2) {
            return new Attempt.Refused("not '<target>/<database>': " + message.subject());
        }
        Optional<DriftStates.DriftState> found = drift.state(subject[0], subject[1]);
        if (found.isEmpty()) {
            return new Attempt.Sent(); // forgotten meanwhile: nothing to say
        }
        DriftStates.DriftState state = found.get();
        String key = "drift-issue:" + message.subject();
        Optional<Long> remembered = outbox.handle(message.repository(), key);
        GHRepository repository = Addressed.repository(github, message.repository());
        if (!state.drifted()) {
            if (remembered.isPresent()) {
                GHIssue issue = Addressed.issue(github, message.repository(), remembered.get().intValue());
                issue.comment("The schema of `" + state.label() + "` is as recorded again (checked " + state.checkedAt() + ").");
                issue.close();
            }
            return new Attempt.Sent();
        }
        String body = DriftIssue.render(state);
        if (remembered.isPresent()) {
            GHIssue issue = Addressed.issue(github, message.repository(), remembered.get().intValue());
            issue.setBody(body);
            issue.reopen();
            return new Attempt.Sent();
        }
        for (GHIssue open : repository.getIssues(org.kohsuke.github.GHIssueState.OPEN)) {
            if (open.getBody() != null && open.getBody().startsWith(DriftIssue.marker(state.label()))) {
                open.setBody(body); // made before a lost answer: adopt it
                outbox.rememberHandle(message.repository(), key, open.getNumber());
                return new Attempt.Sent();
            }
        }
        GHIssue created = repository.createIssue(DriftIssue.title(state)).body(body).create();
        outbox.rememberHandle(message.repository(), key, created.getNumber());
        return new Attempt.Sent();
    }

    /**
     * A reply carries a hidden marker naming its outbox row, so a retry after a lost answer finds
     * the reply it already posted instead of posting it twice.
     */
    private Attempt reply(GitHub github, OutboxMessage message) throws IOException {
        Optional<Integer> number = number(message.subject());
        if (number.isEmpty()) {
            return new Attempt.Refused("not a pull request number: " + message.subject());
        }
        String marker = "<!-- sluice:reply " + message.id() + " -->";
        GHIssue issue = Addressed.issue(github, message.repository(), number.get());
        if (message.attempt() > 1) {
            for (GHIssueComment comment : issue.listComments()) {
                if (comment.getBody() != null && comment.getBody().endsWith(marker)) {
                    return new Attempt.Sent();
                }
            }
        }
        String text = message.body().endsWith("\n") ? message.body() : message.body() + "\n";
        issue.comment(Markdown.truncate(text, ReleaseComment.LIMIT - marker.length(), "… (cut: too long for a comment)\n") + marker);
        return new Attempt.Sent();
    }

    private Attempt removeLabel(OutboxMessage message) throws IOException {
        Optional<Integer> number = number(message.subject());
        String[] repository = message.repository().split("/", 2);
        if (number.isEmpty() || repository.length != 2 || message.body().isEmpty()) {
            return new Attempt.Refused("cannot remove label '" + message.body() + "' from " + message.repository() + "#" + message.subject());
        }
        int status = clients.delete(message.installation(),
                List.of("repos", repository[0], repository[1], "issues", Integer.toString(number.get()), "labels", message.body()));
        // 404: the label is not on it (any more), which is what was wanted (scenario 71).
        if (status / 100 == 2 || status == 404) {
            return new Attempt.Sent();
        }
        return byStatus(status, "removing label '" + message.body() + "' from #" + number.get());
    }

    private Attempt addLabel(GitHub github, OutboxMessage message) throws IOException {
        Optional<Integer> number = number(message.subject());
        if (number.isEmpty() || message.body().isEmpty()) {
            return new Attempt.Refused("cannot add label '" + message.body() + "' to " + message.repository() + "#" + message.subject());
        }
        Addressed.issue(github, message.repository(), number.get()).addLabels(message.body());
        return new Attempt.Sent();
    }

    /** A lightweight tag {@code sluice/<version>} on the release's commit; one that is already there at that commit is success. */
    private Attempt tag(GitHub github, OutboxMessage message) throws IOException {
        String version = message.subject();
        String sha = message.body();
        GHRepository repository = Addressed.repository(github, message.repository());
        try {
            repository.createRef("refs/tags/sluice/" + version, sha);
            return new Attempt.Sent();
        } catch (HttpException e) {
            if (e.getResponseCode() != 422) {
                throw e;
            }
            GHRef existing = repository.getRef("tags/sluice/" + version);
            String at = existing.getObject().getSha();
            if (sha.equals(at)) {
                return new Attempt.Sent(); // made before, or by a send whose answer was lost (scenario 73)
            }
            return new Attempt.Refused("tag sluice/" + version + " already points at " + at + ", not at the release's commit " + sha);
        }
    }

    private static Optional<Integer> number(String subject) {
        try {
            int number = Integer.parseInt(subject.strip());
            return number > 0 ? Optional.of(number) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String bounded(String reason) {
        String text = reason == null ? "" : reason;
        return text.length() <= REASON_LIMIT ? text : text.substring(0, REASON_LIMIT - 1) + "…";
    }
}
