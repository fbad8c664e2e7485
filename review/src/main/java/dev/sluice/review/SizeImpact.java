package dev.sluice.review;

import dev.sluice.review.rules.Cost;
import dev.sluice.review.schema.TableInfo;
import dev.sluice.review.schema.Throughput;
import java.util.Locale;

/**
 * Turns a table's live size into words and an estimate of how long a lock is held, and decides
 * how the severity moves: up one level from one minute or one gigabyte, down one level under a
 * megabyte (a lock held for milliseconds is not an outage).
 */
final class SizeImpact {

    static final long LARGE_BYTES = 1_000_000_000L;
    static final double LONG_SECONDS = 60;
    static final long TINY_BYTES = 1_000_000L;

    private SizeImpact() {
    }

    static String describe(TableInfo table, Cost cost, Throughput throughput) {
        return " Live statistics: " + table.key() + " has " + rows(table.estimatedRows()) + ", " + bytes(table.totalBytes())
                + "; " + cost.work() + " takes " + duration(seconds(table, cost, throughput)) + ".";
    }

    static Severity adjust(Severity severity, TableInfo table, Cost cost, Throughput throughput) {
        if (table.totalBytes() >= LARGE_BYTES || seconds(table, cost, throughput) >= LONG_SECONDS) {
            return severity == Severity.INFO ? Severity.WARNING : Severity.ERROR;
        }
        if (table.totalBytes() < TINY_BYTES) {
            return severity == Severity.ERROR ? Severity.WARNING : Severity.INFO;
        }
        return severity;
    }

    static double seconds(TableInfo table, Cost cost, Throughput throughput) {
        double megabytesPerSecond = switch (cost) {
            case INDEX_BUILD -> throughput.indexBuild();
            case SCAN -> throughput.scan();
            case REWRITE -> throughput.rewrite();
        };
        return table.totalBytes() / 1e6 / megabytesPerSecond;
    }

    static String rows(long rows) {
        if (rows >= 1_000_000) {
            return String.format(Locale.ROOT, "~%.1fM rows", rows / 1e6).replace(".0M", "M");
        }
        if (rows >= 1_000) {
            return String.format(Locale.ROOT, "~%dk rows", Math.round(rows / 1e3));
        }
        return "~" + rows + (rows == 1 ? " row" : " rows");
    }

    static String bytes(long bytes) {
        if (bytes >= 1e9) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        if (bytes >= 1e6) {
            return String.format(Locale.ROOT, "%d MB", Math.round(bytes / 1e6));
        }
        return String.format(Locale.ROOT, "%d kB", Math.max(1, Math.round(bytes / 1e3)));
    }

    static String duration(double seconds) {
        if (seconds < 1) {
            return "under a second";
        }
        if (seconds < 90) {
            return "about " + Math.round(seconds) + " s";
        }
        if (seconds < 90 * 60) {
            return "about " + Math.round(seconds / 60) + " min";
        }
        return String.format(Locale.ROOT, "about %.1f h", seconds / 3600).replace(".0 h", " h");
    }
}
