package dev.sluice.review.schema;

/**
 * How fast PostgreSQL gets through a table, in megabytes of table per second, for estimating how
 * long a lock is held. The defaults were measured with {@code bench}'s TableOperationBenchmark
 * (see bench/README.md): a 2 million row, 279 MB table on a 2-core machine with the table in the
 * page cache; a cold table on slower disks takes longer, so the estimates are lower bounds.
 *
 * @param indexBuild CREATE INDEX (and the index behind UNIQUE, PRIMARY KEY, EXCLUDE, REINDEX)
 * @param scan       a validating scan (CHECK, NOT NULL, foreign key)
 * @param rewrite    a rewrite of the table and its indexes (ALTER TYPE, volatile defaults, VACUUM FULL)
 */
public record Throughput(double indexBuild, double scan, double rewrite) {

    public static final Throughput MEASURED = new Throughput(345, 1950, 66);

    public Throughput {
        if (indexBuild <= 0 || scan <= 0 || rewrite <= 0) {
            throw new IllegalArgumentException("throughput must be positive");
        }
    }
}
