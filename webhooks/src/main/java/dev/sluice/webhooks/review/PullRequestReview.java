package dev.sluice.webhooks.review;

import dev.sluice.review.Finding;
import dev.sluice.review.ReviewReport;
import dev.sluice.review.Severity;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of reviewing a pull request's migrations: problems with the history (edited or
 * deleted merged files, versions out of order, duplicates), the merged review findings, and which
 * environments' rules were applied.
 *
 * @param folder the migrations folder in the repository, for annotation paths
 */
public record PullRequestReview(String folder, List<String> historyProblems, ReviewReport report, List<String> environments,
        List<EnvironmentPlan> plan, String headSha, String baseRef) {

    public PullRequestReview {
        Objects.requireNonNull(folder, "folder");
        historyProblems = List.copyOf(historyProblems);
        Objects.requireNonNull(report, "report");
        environments = List.copyOf(environments);
        plan = List.copyOf(plan);
        Objects.requireNonNull(headSha, "headSha");
        Objects.requireNonNull(baseRef, "baseRef");
    }

    public boolean failed() {
        return !historyProblems.isEmpty() || report.hasErrors();
    }

    public long count(Severity severity) {
        return report.count(severity);
    }

    /** The finding's file as a path in the repository. */
    public String pathOf(Finding finding) {
        return finding.file();
    }
}
