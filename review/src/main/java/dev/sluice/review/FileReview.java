package dev.sluice.review;

import java.util.Objects;

/**
 * What the review learned about a file as a whole.
 *
 * @param file              the path
 * @param transactional     whether Sluice's runner applies it in one transaction
 * @param transactionReason why not, naming the statement and line; empty when transactional
 * @param statements        how many statements it holds
 */
public record FileReview(String file, boolean transactional, String transactionReason, int statements) {

    public FileReview {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(transactionReason, "transactionReason");
    }
}
