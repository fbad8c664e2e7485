package dev.sluice.webhooks.review;

import dev.sluice.review.Finding;
import dev.sluice.review.Severity;
import dev.sluice.webhooks.github.BodyTooLong;
import java.io.IOException;
import java.util.Date;
import java.util.List;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHCheckRunBuilder;
import org.kohsuke.github.GHCommitState;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;

/**
 * Puts a review on GitHub: one sticky comment (found by its marker, edited in place, created again
 * if someone deleted it) and a {@code sluice/review} check run on the head commit with line
 * annotations, or a commit status of the same name when running with a token.
 */
public final class ReviewReporter {

    public static final String CHECK_NAME = "sluice/review";
    static final int MAX_ANNOTATIONS = 1000;
    static final int SUMMARY_LIMIT = 65_000;

    public void report(GHRepository repository, GHPullRequest pullRequest, PullRequestReview review, boolean checks)
            throws IOException {
        BodyTooLong.sendOrShorten(ReviewComment.render(review), () -> ReviewComment.shortened(review), text -> {
            upsertComment(pullRequest, text);
            return null;
        });
        if (checks) {
            checkRun(repository, review);
        } else {
            repository.createCommitStatus(review.headSha(), review.failed() ? GHCommitState.FAILURE : GHCommitState.SUCCESS, null,
                    description(review), CHECK_NAME);
        }
    }

    static void upsertComment(GHPullRequest pullRequest, String body) throws IOException {
        for (GHIssueComment comment : pullRequest.listComments()) {
            if (comment.getBody() != null && comment.getBody().startsWith(ReviewComment.MARKER)) {
                try {
                    comment.update(body);
                    return;
                } catch (GHFileNotFoundException deletedMeanwhile) {
                    break;
                }
            }
        }
        pullRequest.comment(body);
    }

    private static void checkRun(GHRepository repository, PullRequestReview review) throws IOException {
        GHCheckRunBuilder.Output output = new GHCheckRunBuilder.Output(title(review), summary(review));
        List<Finding> findings = review.report().findings();
        for (Finding finding : findings.subList(0, Math.min(MAX_ANNOTATIONS, findings.size()))) {
            GHCheckRunBuilder.Annotation annotation = new GHCheckRunBuilder.Annotation(review.pathOf(finding), finding.line(),
                    Math.max(finding.line(), finding.endLine()), level(finding.severity()), finding.message())
                    .withTitle(finding.rule());
            if (!finding.hint().isEmpty()) {
                annotation.withRawDetails(finding.hint());
            }
            output.add(annotation);
        }
        // A retry after a lost answer finds the run it created (same external id) and updates it: no duplicate.
        String externalId = "review:" + review.headSha();
        GHCheckRun existing = null;
        for (GHCheckRun run : repository.getCheckRuns(review.headSha())) {
            if (CHECK_NAME.equals(run.getName()) && externalId.equals(run.getExternalId())) {
                existing = run;
                break;
            }
        }
        GHCheckRunBuilder builder = existing != null ? existing.update() : repository.createCheckRun(CHECK_NAME, review.headSha());
        // The library sends the first 50 annotations with the create call and the rest in PATCHes of 50.
        builder.withStatus(GHCheckRun.Status.COMPLETED)
                .withConclusion(review.failed() ? GHCheckRun.Conclusion.FAILURE : GHCheckRun.Conclusion.SUCCESS)
                .withCompletedAt(new Date())
                .withExternalID(externalId)
                .add(output)
                .create();
    }

    private static GHCheckRun.AnnotationLevel level(Severity severity) {
        return switch (severity) {
            case ERROR -> GHCheckRun.AnnotationLevel.FAILURE;
            case WARNING -> GHCheckRun.AnnotationLevel.WARNING;
            case INFO -> GHCheckRun.AnnotationLevel.NOTICE;
        };
    }

    static String title(PullRequestReview review) {
        return review.historyProblems().size() + review.count(Severity.ERROR) + " errors, " + review.count(Severity.WARNING)
                + " warnings";
    }

    static String description(PullRequestReview review) {
        String text = (review.historyProblems().size() + review.count(Severity.ERROR)) + " errors, "
                + review.count(Severity.WARNING) + " warnings, " + review.count(Severity.INFO) + " notes";
        return text.length() > 140 ? text.substring(0, 140) : text;
    }

    static String summary(PullRequestReview review) {
        String summary = ReviewComment.render(review).substring(ReviewComment.MARKER.length()).strip();
        int total = review.report().findings().size();
        if (total > MAX_ANNOTATIONS) {
            summary += "\n\nOnly the first " + MAX_ANNOTATIONS + " of " + total + " findings are annotated.";
        }
        return summary.length() > SUMMARY_LIMIT ? summary.substring(0, SUMMARY_LIMIT) : summary;
    }
}
