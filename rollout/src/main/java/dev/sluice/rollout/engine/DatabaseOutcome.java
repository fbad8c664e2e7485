package dev.sluice.rollout.engine;

import dev.sluice.rollout.ErrorCode;
import java.util.List;
import java.util.Objects;

/** What happened on one database. Switch over it without a default branch: a new case must be handled everywhere. */
public sealed interface DatabaseOutcome {

    String database();

    /** Nothing to do: every version is applied. */
    record UpToDate(String database) implements DatabaseOutcome {
    }

    /**
     * These steps ran and succeeded.
     *
     * @param warnings what went wrong after the steps without undoing them: the schema snapshot for
     *                 drift detection could not be recorded, say. The migration still succeeded.
     */
    record Migrated(String database, List<Step> steps, List<String> warnings) implements DatabaseOutcome {
        public Migrated {
            steps = List.copyOf(steps);
            warnings = List.copyOf(warnings);
        }

        public Migrated(String database, List<Step> steps) {
            this(database, steps, List.of());
        }

        public Migrated withWarning(String warning) {
            List<String> all = new java.util.ArrayList<>(warnings);
            all.add(warning);
            return new Migrated(database, steps, all);
        }
    }

    /** Dry run: these steps would run. */
    record Planned(String database, List<Step> steps) implements DatabaseOutcome {
        public Planned {
            steps = List.copyOf(steps);
        }
    }

    /**
     * A migration failed; the steps before it stay applied.
     *
     * @param line     1-based line of the failing statement in the script, or 0 when unknown
     * @param sqlState the server's SQLSTATE, or empty
     */
    record Failed(String database, List<Step> applied, String script, int line, String sqlState, String message, ErrorCode code)
            implements DatabaseOutcome {
        public Failed {
            applied = List.copyOf(applied);
            Objects.requireNonNull(script, "script");
            Objects.requireNonNull(sqlState, "sqlState");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(code, "code");
        }
    }

    /** Another runner holds the database's migration lock. */
    record Locked(String database, LockAttempt.Busy holder) implements DatabaseOutcome {
    }

    /** Checks before running found problems (changed or missing files, out-of-order versions); nothing ran. */
    record Invalid(String database, List<String> problems, ErrorCode code) implements DatabaseOutcome {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }

    /** Could not connect. */
    record Unreachable(String database, String message) implements DatabaseOutcome {
    }

    /** Not tried: an earlier wave failed too often. */
    record NotAttempted(String database, String reason) implements DatabaseOutcome {
    }
}
