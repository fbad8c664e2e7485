package dev.sluice.webhooks.intake;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.kohsuke.github.GHEventPayload;
import org.kohsuke.github.GitHub;

/**
 * Reads webhook bodies with the GitHub client library (lenient: unknown fields, missing newer
 * fields, either timestamp form), then checks the body has the shape its event header announces,
 * so a {@code push} header on a {@code pull_request} body is malformed, not half-read.
 */
public final class EventParser {

    private record Kind(Class<? extends GHEventPayload> type, Predicate<GHEventPayload> shape) {
    }

    private static final Map<String, Kind> KINDS = Map.of(
            "ping", new Kind(GHEventPayload.Ping.class, payload -> true),
            "pull_request", new Kind(GHEventPayload.PullRequest.class,
                    payload -> ((GHEventPayload.PullRequest) payload).getPullRequest() != null),
            "issue_comment", new Kind(GHEventPayload.IssueComment.class,
                    payload -> ((GHEventPayload.IssueComment) payload).getComment() != null
                            && ((GHEventPayload.IssueComment) payload).getIssue() != null),
            "push", new Kind(GHEventPayload.Push.class, payload -> ((GHEventPayload.Push) payload).getRef() != null),
            "pull_request_review", new Kind(GHEventPayload.PullRequestReview.class,
                    payload -> ((GHEventPayload.PullRequestReview) payload).getReview() != null),
            "check_run", new Kind(GHEventPayload.CheckRun.class,
                    payload -> ((GHEventPayload.CheckRun) payload).getCheckRun() != null),
            "check_suite", new Kind(GHEventPayload.CheckSuite.class,
                    payload -> ((GHEventPayload.CheckSuite) payload).getCheckSuite() != null),
            "installation", new Kind(GHEventPayload.Installation.class,
                    payload -> payload.getInstallation() != null));

    private final GitHub offline = GitHub.offline();

    public ParsedEvent parse(String event, byte[] body) {
        Kind kind = KINDS.get(event);
        if (kind == null) {
            return new ParsedEvent.Unhandled(event);
        }
        GHEventPayload payload;
        try (InputStreamReader reader = new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            payload = offline.parseEventPayload(reader, kind.type());
        } catch (IOException | RuntimeException e) {
            return new ParsedEvent.Malformed("the body is not a " + event + " payload: " + firstLine(e));
        }
        if (payload == null || !kind.shape().test(payload)) {
            return new ParsedEvent.Malformed("the body does not have the shape of a " + event + " payload");
        }
        Optional<String> repository = Optional.ofNullable(payload.getRepository()).map(repo -> repo.getFullName());
        Optional<Long> installation = Optional.ofNullable(payload.getInstallation()).map(install -> install.getId());
        String action = payload.getAction() == null ? "" : payload.getAction();
        return new ParsedEvent.Known(new GitHubEvent(event, action, repository, installation, payload));
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
