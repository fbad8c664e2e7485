package dev.sluice.rollout.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a database's {@code sluice.schema_history} (CONTRACT §4). Rows are appended, never
 * updated; the newest row of a version decides its state.
 */
public record HistoryRow(
        long installedRank,
        String version,
        String description,
        String script,
        String checksum,
        Direction direction,
        Optional<String> release,
        Optional<String> environment,
        String installedBy,
        Instant installedAt,
        long executionMs,
        boolean success) {

    /** The script name of a row written by {@code baseline}: every version up to it counts as applied. */
    public static final String BASELINE_SCRIPT = "<< baseline >>";

    public enum Direction { UP, DOWN }

    public HistoryRow {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(installedBy, "installedBy");
        Objects.requireNonNull(installedAt, "installedAt");
    }

    public boolean isBaseline() {
        return script.equals(BASELINE_SCRIPT);
    }
}
