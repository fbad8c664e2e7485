package dev.sluice.app.cli.review;

/** Output formats of {@code sluice review}. */
public enum ReviewFormat {
    /** For people at a terminal. */
    TEXT,
    /** One JSON object, documented in docs/review.md. */
    JSON,
    /** SARIF 2.1.0, for GitHub code scanning and other tools. */
    SARIF,
    /** The pull-request comment body. */
    MARKDOWN
}
