package dev.sluice.webhooks.commands;

import dev.sluice.webhooks.github.GitHubBusy;
import dev.sluice.webhooks.github.GitHubClients;
import dev.sluice.webhooks.handle.DeliveryHandler;
import dev.sluice.webhooks.handle.HandlerResult;
import dev.sluice.webhooks.intake.GitHubEvent;
import dev.sluice.webhooks.review.ReviewPullRequest;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.kohsuke.github.GHEventPayload;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHUser;

/**
 * {@code /sluice} commands in pull-request comments. Only new comments count (an edited comment
 * never runs a command again); comments on plain issues and comments by bots, Sluice's own among
 * them, are ignored so nothing loops. Every refused command gets a reply that says why.
 */
public final class AnswerComments implements DeliveryHandler {

    private final GitHubClients github;
    private final ReviewPullRequest review;

    public AnswerComments(GitHubClients github, ReviewPullRequest review) {
        this.github = github;
        this.review = review;
    }

    @Override
    public Set<String> events() {
        return Set.of("issue_comment");
    }

    @Override
    public HandlerResult handle(String deliveryId, GitHubEvent event) {
        GHEventPayload.IssueComment payload = (GHEventPayload.IssueComment) event.payload();
        GHIssue issue = payload.getIssue();
        GHIssueComment comment = payload.getComment();
        if (!event.action().equals("created")) {
            return new HandlerResult.Done("comment " + event.action() + ": only new comments run commands");
        }
        if (!issue.isPullRequest()) {
            return new HandlerResult.Done("comment on issue #" + issue.getNumber() + ", not a pull request");
        }
        CommentParse parse = CommentParser.parse(comment.getBody());
        long installation = event.installation().orElse(0L);
        String repositoryName = event.repository().orElseThrow();
        try {
            if (isBot(comment.getUser())) {
                return new HandlerResult.Done("comment by a bot: ignored");
            }
            return switch (parse) {
                case CommentParse.Ignore ignored -> new HandlerResult.Done("no command");
                case CommentParse.Reply reply -> {
                    reply(installation, repositoryName, issue.getNumber(), "@" + login(comment.getUser()) + " " + reply.text());
                    yield new HandlerResult.Done("replied to comment " + comment.getId());
                }
                case CommentParse.Commands commands -> run(installation, repositoryName, issue.getNumber(), commands);
            };
        } catch (GitHubBusy busy) {
            return new HandlerResult.Retry(busy.getMessage(), java.util.Optional.of(busy.retryAt()));
        } catch (IOException e) {
            return new HandlerResult.Retry(e.getMessage());
        }
    }

    private HandlerResult run(long installation, String repositoryName, int number, CommentParse.Commands commands) throws IOException {
        HandlerResult last = new HandlerResult.Done("no command");
        for (CommentParse.ParsedCommand command : commands.commands()) {
            last = switch (command.name()) {
                case PLAN -> {
                    GHRepository repository = github.forInstallation(installation).getRepository(repositoryName);
                    GHPullRequest pullRequest = repository.getPullRequest(number);
                    yield review.reviewAndReport(installation, repositoryName, number, pullRequest.getHead().getSha(),
                            pullRequest.getBase().getSha(), repository.getDefaultBranch());
                }
                case HELP, STATUS, APPROVE, UNAPPROVE, DEPLOY, PAUSE, RESUME, RETRY, ROLLBACK, BASELINE ->
                        throw new IllegalStateException("the parser answers " + command.name() + " itself");
            };
            if (!(last instanceof HandlerResult.Done)) {
                return last;
            }
        }
        return last;
    }

    private void reply(long installation, String repositoryName, int number, String text) throws IOException {
        github.forInstallation(installation).getRepository(repositoryName).getIssue(number).comment(text);
    }

    static boolean isBot(GHUser user) {
        if (user == null) {
            return true;
        }
        try {
            String type = user.getType();
            return "bot".equals(type == null ? "" : type.toLowerCase(Locale.ROOT)) || login(user).endsWith("[bot]");
        } catch (IOException e) {
            return login(user).endsWith("[bot]");
        }
    }

    private static String login(GHUser user) {
        return user == null || user.getLogin() == null ? "" : user.getLogin();
    }
}
