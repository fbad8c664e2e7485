package dev.sluice.rollout.drift;

import dev.sluice.rollout.config.TargetConfig;
import dev.sluice.rollout.engine.JdbcTargets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares target databases with the schema the controller recorded for them, and keeps the result
 * in {@link DriftStates}. Runs on a schedule, on demand, and before every deploy to a target.
 */
public final class DriftChecker {

    /** What a check of one target database found. */
    public sealed interface Outcome {

        String label();

        /** Compared: no drift, or the differences. */
        record Checked(String label, RecordedSchema recorded, Drift drift) implements Outcome {
            public Checked {
                Objects.requireNonNull(recorded, "recorded");
                Objects.requireNonNull(drift, "drift");
            }
        }

        /** Sluice has not recorded this database's schema yet: nothing to compare with. */
        record NothingRecorded(String label) implements Outcome {
        }

        /** The target is not in the controller's configuration any more, or did not answer. */
        record Unavailable(String label, String reason) implements Outcome {
        }
    }

    private final ControllerSnapshots snapshots;
    private final DriftStates states;
    private final Map<String, TargetConfig> targets;
    private final Clock clock;

    public DriftChecker(ControllerSnapshots snapshots, DriftStates states, Map<String, TargetConfig> targets, Clock clock) {
        this.snapshots = snapshots;
        this.states = states;
        this.targets = Map.copyOf(targets);
        this.clock = clock;
    }

    /** Checks every target database that has a recorded schema. */
    public List<Outcome> checkAll() {
        List<Outcome> outcomes = new ArrayList<>();
        for (RecordedSchema recorded : snapshots.all()) {
            outcomes.add(check(recorded));
        }
        return outcomes;
    }

    /** Whether the controller has recorded a schema for the target database. */
    public boolean recorded(String target, String database) {
        return snapshots.exists(target, database);
    }

    /** Checks one target database ({@code ""} for a single-database target). */
    public Outcome check(String target, String database) {
        Optional<RecordedSchema> recorded = snapshots.latest(target, database);
        String label = database.isEmpty() ? target : target + "/" + database;
        return recorded.isEmpty() ? new Outcome.NothingRecorded(label) : check(recorded.get());
    }

    private Outcome check(RecordedSchema recorded) {
        TargetConfig target = targets.get(recorded.target());
        if (target == null) {
            return new Outcome.Unavailable(recorded.label(), "target " + recorded.target()
                    + " is not in the controller's configuration (sluice.targets)");
        }
        try (Connection connection = target.database(recorded.database()).connections().open("drift check")) {
            Drift drift = SchemaDiff.compare(recorded.snapshot(), SchemaSnapshot.read(connection));
            states.record(recorded.target(), recorded.database(), recorded.repository(), drift, clock.instant());
            return new Outcome.Checked(recorded.label(), recorded, drift);
        } catch (SQLException e) {
            return new Outcome.Unavailable(recorded.label(), "unreachable: " + JdbcTargets.redact(String.valueOf(e.getMessage())));
        }
    }

    /** Reads the live schema of a target database and records it as expected: after an apply, or a baseline someone asked for. */
    public SchemaSnapshot record(String target, String database, Optional<String> repository, Optional<String> release, String by,
            String reason) throws SQLException {
        TargetConfig config = targets.get(target);
        if (config == null) {
            throw new IllegalArgumentException("no target " + target + " in the controller's configuration (sluice.targets)");
        }
        try (Connection connection = config.database(database).connections().open("schema snapshot")) {
            // Right after the engine applied migrations it recorded the schema in the target under its
            // lock: take that one (one query) rather than reading the catalogs again.
            Optional<RecordedSnapshot> fresh = reason.equals("apply") ? TargetSnapshots.latest(connection)
                    .filter(recorded -> recorded.release().equals(release)) : Optional.empty();
            SchemaSnapshot live = fresh.isPresent() ? fresh.get().snapshot() : SchemaSnapshot.read(connection);
            snapshots.record(target, database, repository, release, by, reason, live);
            states.record(target, database, repository, Drift.NONE, clock.instant());
            return live;
        }
    }
}
