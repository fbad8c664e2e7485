package dev.sluice.webhooks.commands;

import dev.sluice.webhooks.handle.HandlerResult;
import dev.sluice.webhooks.review.ReviewPullRequest;
import java.io.IOException;
import java.util.List;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;

/** {@code /sluice plan}: reviews the pull request again; the review comment and check run are the answer. */
public final class PlanPullRequest implements CommandRunner {

    private final dev.sluice.webhooks.github.GitHubClients github;
    private final ReviewPullRequest review;

    public PlanPullRequest(dev.sluice.webhooks.github.GitHubClients github, ReviewPullRequest review) {
        this.github = github;
        this.review = review;
    }

    @Override
    public CommandName name() {
        return CommandName.PLAN;
    }

    @Override
    public CommandResult run(CommandContext context, List<String> arguments) throws IOException {
        GHRepository repository = github.forInstallation(context.installation()).getRepository(context.repository());
        GHPullRequest pullRequest = repository.getPullRequest(context.pullRequest());
        HandlerResult result = review.reviewAndReport(context.installation(), context.repository(), context.pullRequest(),
                pullRequest.getHead().getSha(), pullRequest.getBase().getSha(), repository.getDefaultBranch());
        return switch (result) {
            case HandlerResult.Done done -> new CommandResult.Reported(done.summary());
            case HandlerResult.Retry retry -> new CommandResult.Deferred(retry);
            case HandlerResult.Park park -> new CommandResult.Deferred(park);
        };
    }
}
