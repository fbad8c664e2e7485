package dev.sluice.rollout.drift;

import java.util.Objects;

/** The live schema against the latest recorded one. Switch over it without a default branch. */
public sealed interface DriftCheck {

    /** The live schema is the recorded one. */
    record Clean(RecordedSnapshot recorded) implements DriftCheck {
        public Clean {
            Objects.requireNonNull(recorded, "recorded");
        }
    }

    /** The live schema differs from the recorded one. */
    record Drifted(Drift drift, RecordedSnapshot recorded) implements DriftCheck {
        public Drifted {
            Objects.requireNonNull(drift, "drift");
            Objects.requireNonNull(recorded, "recorded");
            if (!drift.drifted()) {
                throw new IllegalArgumentException("a drift with no differences is Clean");
            }
        }
    }

    /** No snapshot was ever recorded in this database: nothing to compare with. */
    record NothingRecorded() implements DriftCheck {
    }

    /** What a person reads. */
    default String describe() {
        return switch (this) {
            case Clean clean -> "no drift: the schema is the one recorded at " + clean.recorded().takenAt()
                    + clean.recorded().release().map(release -> " (release " + release + ")").orElse("");
            case Drifted drifted -> "the schema drifted from the one recorded at " + drifted.recorded().takenAt()
                    + drifted.recorded().release().map(release -> " (release " + release + ")").orElse("") + ":\n\n"
                    + drifted.drift().describe();
            case NothingRecorded ignored -> "no recorded schema: Sluice records one after each migration it applies;"
                    + " apply one, or accept the live schema as the record (baseline)";
        };
    }
}
