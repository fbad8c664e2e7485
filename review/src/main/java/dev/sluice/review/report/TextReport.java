package dev.sluice.review.report;

import dev.sluice.review.FileReview;
import dev.sluice.review.Finding;
import dev.sluice.review.ReviewReport;
import dev.sluice.review.Severity;

/** The review for a person at a terminal: one line per finding, compiler style, the hint indented under it. */
public final class TextReport {

    private TextReport() {
    }

    public static String render(ReviewReport report) {
        StringBuilder out = new StringBuilder();
        for (Finding finding : report.findings()) {
            out.append(finding.file()).append(':').append(finding.line()).append(':').append(finding.column()).append(": ")
                    .append(finding.severity().label()).append(" [").append(finding.rule()).append("] ")
                    .append(finding.message()).append('\n');
            if (!finding.hint().isEmpty()) {
                Hint hint = Hint.of(finding.hint());
                out.append("    hint: ").append(hint.advice()).append('\n');
                hint.sql().lines().forEach(line -> out.append("        ").append(line).append('\n'));
            }
        }
        for (FileReview file : report.files()) {
            if (!file.transactional()) {
                out.append(file.file()).append(": runs statement by statement, not in one transaction: ")
                        .append(file.transactionReason()).append('\n');
            }
        }
        int statements = report.files().stream().mapToInt(FileReview::statements).sum();
        out.append(report.files().size()).append(report.files().size() == 1 ? " file, " : " files, ")
                .append(statements).append(statements == 1 ? " statement: " : " statements: ")
                .append(count(report, Severity.ERROR, "error")).append(", ")
                .append(count(report, Severity.WARNING, "warning")).append(", ")
                .append(count(report, Severity.INFO, "note")).append('\n');
        return out.toString();
    }

    static String count(ReviewReport report, Severity severity, String noun) {
        long n = report.count(severity);
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
