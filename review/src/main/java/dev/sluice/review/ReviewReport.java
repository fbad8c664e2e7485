package dev.sluice.review;

import java.util.List;

/** The outcome of a review: every finding (in file and line order) and a summary per file. */
public record ReviewReport(List<Finding> findings, List<FileReview> files) {

    public ReviewReport {
        findings = List.copyOf(findings);
        files = List.copyOf(files);
    }

    /** This report followed by another, as one. */
    public ReviewReport plus(ReviewReport other) {
        List<Finding> allFindings = new java.util.ArrayList<>(findings);
        allFindings.addAll(other.findings);
        List<FileReview> allFiles = new java.util.ArrayList<>(files);
        allFiles.addAll(other.files);
        return new ReviewReport(allFindings, allFiles);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(finding -> finding.severity() == Severity.ERROR);
    }

    public long count(Severity severity) {
        return findings.stream().filter(finding -> finding.severity() == severity).count();
    }
}
