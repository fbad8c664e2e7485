package dev.sluice.rollout.engine;

import dev.sluice.rollout.migration.MigrationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Joins the resolved files with a database's history into one state per version. */
public final class MigrationStates {

    private MigrationStates() {
    }

    public static List<MigrationStatus> of(MigrationSet files, List<HistoryRow> history) {
        Map<MigrationVersion, HistoryRow> latest = new TreeMap<>();
        MigrationVersion baseline = null;
        for (HistoryRow row : history) {
            MigrationVersion version;
            try {
                version = MigrationVersion.parse(row.version());
            } catch (IllegalArgumentException e) {
                continue; // a row written by hand with a version Sluice cannot read is left alone
            }
            latest.put(version, row);
            if (row.isBaseline() && row.success() && (baseline == null || version.compareTo(baseline) > 0)) {
                baseline = version;
            }
        }
        MigrationVersion highestApplied = null;
        for (Map.Entry<MigrationVersion, HistoryRow> entry : latest.entrySet()) {
            HistoryRow row = entry.getValue();
            if (row.success() && row.direction() == HistoryRow.Direction.UP) {
                highestApplied = entry.getKey();
            }
        }
        MigrationVersion newestFile = files.latest().orElse(null);

        TreeSet<MigrationVersion> versions = new TreeSet<>(latest.keySet());
        files.ups().forEach(file -> versions.add(file.version()));
        List<MigrationStatus> statuses = new ArrayList<>();
        for (MigrationVersion version : versions) {
            Optional<ResolvedMigration> file = files.up(version);
            Optional<HistoryRow> row = Optional.ofNullable(latest.get(version));
            MigrationState state = state(version, file, row, baseline, highestApplied, newestFile);
            if (state != null) {
                statuses.add(new MigrationStatus(version, state, file, row));
            }
        }
        return statuses;
    }

    private static MigrationState state(MigrationVersion version, Optional<ResolvedMigration> file, Optional<HistoryRow> row,
            MigrationVersion baseline, MigrationVersion highestApplied, MigrationVersion newestFile) {
        if (row.isPresent() && row.get().isBaseline()) {
            return row.get().success() ? MigrationState.BELOW_BASELINE : null;
        }
        boolean applied = row.isPresent() && row.get().success() && row.get().direction() == HistoryRow.Direction.UP;
        if (applied) {
            if (file.isEmpty()) {
                return newestFile == null || version.compareTo(newestFile) > 0 ? MigrationState.FUTURE : MigrationState.MISSING_FILE;
            }
            return file.get().checksum().value().equals(row.get().checksum())
                    ? MigrationState.APPLIED : MigrationState.CHECKSUM_MISMATCH;
        }
        if (file.isEmpty()) {
            return null; // rolled back or failed, and the file is gone: nothing left to say
        }
        if (row.isPresent() && !row.get().success()) {
            return MigrationState.FAILED;
        }
        if (baseline != null && version.compareTo(baseline) <= 0) {
            return MigrationState.BELOW_BASELINE;
        }
        if (highestApplied != null && version.compareTo(highestApplied) < 0) {
            return MigrationState.OUT_OF_ORDER;
        }
        return MigrationState.PENDING;
    }
}
