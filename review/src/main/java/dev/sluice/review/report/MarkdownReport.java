package dev.sluice.review.report;

import dev.sluice.review.FileReview;
import dev.sluice.review.Finding;
import dev.sluice.review.ReviewReport;
import dev.sluice.review.Severity;
import java.util.List;

/** The review as GitHub-flavoured Markdown: the body of the pull-request comment. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(ReviewReport report) {
        StringBuilder out = new StringBuilder();
        out.append("### SQL review: ").append(TextReport.count(report, Severity.ERROR, "error")).append(", ")
                .append(TextReport.count(report, Severity.WARNING, "warning")).append(", ")
                .append(TextReport.count(report, Severity.INFO, "note")).append("\n\n");
        if (report.files().isEmpty()) {
            return out.append("No migration files to review.\n").toString();
        }
        for (FileReview file : report.files()) {
            out.append("#### `").append(file.file()).append("`");
            out.append(file.transactional() ? " — one transaction" : " — statement by statement (" + escape(file.transactionReason()) + ")");
            out.append("\n\n");
            List<Finding> findings = report.findings().stream().filter(finding -> finding.file().equals(file.file())).toList();
            if (findings.isEmpty()) {
                out.append("No findings.\n\n");
                continue;
            }
            for (Finding finding : findings) {
                out.append("- ").append(icon(finding.severity())).append(" **").append(finding.severity().label())
                        .append("** `").append(finding.rule()).append("` line ").append(finding.line()).append(": ")
                        .append(escape(finding.message())).append('\n');
                if (!finding.hint().isEmpty()) {
                    Hint hint = Hint.of(finding.hint());
                    if (hint.sql().isEmpty()) {
                        out.append("  <br>").append(escape(hint.advice())).append('\n');
                    } else {
                        out.append("  <details><summary>").append(escape(hint.advice())).append("</summary>\n\n");
                        out.append("  ```sql\n");
                        hint.sql().lines().forEach(line -> out.append("  ").append(line).append('\n'));
                        out.append("  ```\n");
                        out.append("  </details>\n");
                    }
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String icon(Severity severity) {
        return switch (severity) {
            case ERROR -> ":x:";
            case WARNING -> ":warning:";
            case INFO -> ":information_source:";
        };
    }

    /** Keeps user text from breaking the Markdown or opening HTML tags. */
    public static String escape(String text) {
        return text.replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|");
    }
}
