package dev.sluice.review.rules;

/** What PostgreSQL does to the table while it holds the lock a finding is about. */
public enum Cost {
    INDEX_BUILD("the index build"),
    SCAN("the validating scan"),
    REWRITE("the rewrite");

    private final String work;

    Cost(String work) {
        this.work = work;
    }

    public String work() {
        return work;
    }
}
