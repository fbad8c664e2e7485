package dev.sluice.rollout.engine;

import dev.sluice.rollout.migration.MigrationVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The resolved migrations of a project: up migrations in version order, and the down script of each version that has one. */
public record MigrationSet(List<ResolvedMigration> ups, Map<MigrationVersion, ResolvedMigration> downs) {

    public MigrationSet {
        ups = List.copyOf(ups);
        downs = Map.copyOf(downs);
    }

    public Optional<ResolvedMigration> up(MigrationVersion version) {
        return ups.stream().filter(migration -> migration.version().equals(version)).findFirst();
    }

    public Optional<ResolvedMigration> down(MigrationVersion version) {
        return Optional.ofNullable(downs.get(version));
    }

    public Optional<MigrationVersion> latest() {
        return ups.isEmpty() ? Optional.empty() : Optional.of(ups.getLast().version());
    }
}
