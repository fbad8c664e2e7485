package dev.sluice.webhooks.pullrequest;

import dev.sluice.webhooks.handle.DeliveryHandler;
import dev.sluice.webhooks.handle.HandlerResult;
import dev.sluice.webhooks.intake.GitHubEvent;
import dev.sluice.webhooks.review.ReviewPullRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The one handler of {@code pull_request} deliveries, routing by action. A delivery whose part
 * asks for a retry is tried again whole, so every part is idempotent: the review edits its sticky
 * comment, a release is cut once per commit, voiding and labels change nothing the second time.
 */
public final class PullRequestEvents implements DeliveryHandler {

    private final ReviewPullRequest review;
    private final VoidApprovalsOnPush voidApprovals;
    private final CutReleaseOnMerge cutRelease;
    private final ApplyLabels labels;

    public PullRequestEvents(ReviewPullRequest review, VoidApprovalsOnPush voidApprovals, CutReleaseOnMerge cutRelease,
            ApplyLabels labels) {
        this.review = review;
        this.voidApprovals = voidApprovals;
        this.cutRelease = cutRelease;
        this.labels = labels;
    }

    @Override
    public Set<String> events() {
        return Set.of("pull_request");
    }

    @Override
    public HandlerResult handle(String deliveryId, GitHubEvent event) {
        return switch (event.action()) {
            case "opened", "reopened", "ready_for_review" -> review.handle(deliveryId, event);
            // Voiding first: it is what keeps a stale approval from counting, the review only informs.
            case "synchronize" -> all(event, List.of(voidApprovals::onPush, pushed -> review.handle(deliveryId, pushed)));
            case "edited" -> voidApprovals.onEdited(event);
            case "closed" -> cutRelease.onClosed(event);
            case "labeled", "unlabeled" -> labels.handle(event);
            default -> new HandlerResult.Done("pull request " + event.action() + ": nothing to do");
        };
    }

    /** Runs every part; the delivery's result is the most pressing of theirs (retry, then park, then done). */
    private static HandlerResult all(GitHubEvent event, List<Function<GitHubEvent, HandlerResult>> parts) {
        List<String> done = new ArrayList<>();
        HandlerResult retry = null;
        HandlerResult park = null;
        for (Function<GitHubEvent, HandlerResult> part : parts) {
            HandlerResult result = part.apply(event);
            switch (result) {
                case HandlerResult.Done finished -> done.add(finished.summary());
                case HandlerResult.Retry again -> retry = retry == null ? again : retry;
                case HandlerResult.Park parked -> park = park == null ? parked : park;
            }
        }
        if (retry != null) {
            return retry;
        }
        return park != null ? park : new HandlerResult.Done(String.join("; ", done));
    }
}
