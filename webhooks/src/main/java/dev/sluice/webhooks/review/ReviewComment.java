package dev.sluice.webhooks.review;

import dev.sluice.review.report.MarkdownReport;

/** The sticky pull-request comment: a hidden marker, the history problems, the review, and what was reviewed. */
public final class ReviewComment {

    public static final String MARKER = "<!-- sluice:review -->";
    /** GitHub rejects comment bodies over 65,536 characters; stay well below, leaving room for the note. */
    static final int LIMIT = 60_000;

    private ReviewComment() {
    }

    public static String render(PullRequestReview review) {
        StringBuilder body = new StringBuilder(MARKER).append('\n');
        if (!review.historyProblems().isEmpty()) {
            body.append("#### Migration history\n\n");
            for (String problem : review.historyProblems()) {
                body.append("- :x: ").append(problem).append('\n');
            }
            body.append('\n');
        }
        body.append(MarkdownReport.render(review.report()));
        if (!review.plan().isEmpty()) {
            body.append("#### Plan\n\n| environment | target | databases | would run |\n|---|---|---|---|\n");
            for (EnvironmentPlan row : review.plan()) {
                String work = row.pending().isEmpty() ? "nothing" : String.join(", ", row.pending().stream().map(s -> "`" + s + "`").toList());
                body.append("| ").append(row.environment()).append(" | ").append(row.target()).append(" | ")
                        .append(row.databases() == 0 ? "–" : Integer.toString(row.databases())).append(" | ")
                        .append(row.problem().map(problem -> ":warning: " + MarkdownReport.escape(problem)).orElse(work)).append(" |\n");
            }
            body.append('\n');
        }
        body.append("<sub>Reviewed ").append(review.headSha(), 0, Math.min(7, review.headSha().length()))
                .append(" against ").append(review.baseRef()).append(" with the rules of ")
                .append(String.join(", ", review.environments())).append(".</sub>\n");
        return truncate(body.toString());
    }

    /** What is posted when GitHub refuses even the cut body as too long: the count, and where the findings are. */
    static String shortened(PullRequestReview review) {
        int findings = review.report().findings().size();
        return MARKER + "\n" + (review.failed() ? ":x: " : "") + "The review of " + review.headSha().substring(0, Math.min(7,
                review.headSha().length())) + " found " + findings + " finding" + (findings == 1 ? "" : "s")
                + ", too many for a comment (GitHub refused it as too long). Every finding is in the `sluice/review` check run.\n";
    }

    /** Cuts a body that GitHub would refuse, at a line boundary, never inside a surrogate pair, with a pointer to the check run. */
    static String truncate(String body) {
        if (body.length() <= LIMIT) {
            return body;
        }
        int cut = body.lastIndexOf('\n', LIMIT);
        if (cut <= 0) {
            cut = Character.isHighSurrogate(body.charAt(LIMIT - 1)) ? LIMIT - 1 : LIMIT;
        }
        return body.substring(0, cut) + "\n\n… The review is longer than a comment can hold; every finding is in the"
                + " `sluice/review` check run.\n";
    }
}
