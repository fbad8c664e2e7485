package dev.sluice.rollout.engine;

import dev.sluice.rollout.migration.MigrationVersion;
import java.util.Objects;
import java.util.Optional;

/** One version on one database: its state, the file (when there is one) and its newest history row. */
public record MigrationStatus(
        MigrationVersion version,
        MigrationState state,
        Optional<ResolvedMigration> file,
        Optional<HistoryRow> latest) {

    public MigrationStatus {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(latest, "latest");
    }

    public String script() {
        return file.map(ResolvedMigration::script).or(() -> latest.map(HistoryRow::script)).orElse("");
    }

    public String description() {
        return file.map(ResolvedMigration::description).or(() -> latest.map(HistoryRow::description)).orElse("");
    }
}
