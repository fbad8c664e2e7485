package dev.sluice.app.cli.migrate;

import dev.sluice.app.cli.ExitCode;
import dev.sluice.rollout.engine.DatabaseOutcome;
import dev.sluice.rollout.engine.FleetRunner;
import dev.sluice.rollout.engine.Step;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** Prints what happened on each database, one line each, and a summary; returns the exit code. */
final class OutcomeReport {

    private OutcomeReport() {
    }

    static String line(DatabaseOutcome outcome) {
        return outcome.database() + ": " + switch (outcome) {
            case DatabaseOutcome.UpToDate ignored -> "up to date";
            case DatabaseOutcome.Migrated migrated -> "applied " + steps(migrated.steps(), true)
                    + migrated.warnings().stream().map(warning -> " (warning: " + warning + ")").collect(Collectors.joining());
            case DatabaseOutcome.Planned planned -> "would apply " + steps(planned.steps(), false);
            case DatabaseOutcome.Failed failed -> "FAILED " + failed.script() + (failed.line() > 0 ? " line " + failed.line() : "")
                    + ": " + (failed.sqlState().isEmpty() ? "" : "SQLSTATE " + failed.sqlState() + ": ") + failed.message()
                    + (failed.applied().isEmpty() ? "" : " (applied before it: " + steps(failed.applied(), true) + ")");
            case DatabaseOutcome.Locked locked -> "LOCKED by another runner: " + locked.holder().describe();
            case DatabaseOutcome.Invalid invalid -> "NOT RUN: " + String.join("; ", invalid.problems());
            case DatabaseOutcome.Unreachable unreachable -> "UNREACHABLE: " + unreachable.message();
            case DatabaseOutcome.NotAttempted skipped -> "not attempted: " + skipped.reason();
        };
    }

    private static String steps(List<Step> steps, boolean ran) {
        return steps.stream().map(step -> step.script() + (ran
                        ? " (" + step.duration().toMillis() + " ms)"
                        : step.transactional() ? " (one transaction)" : " (statement by statement: " + step.transactionReason() + ")"))
                .collect(Collectors.joining(", "));
    }

    static int summarize(List<DatabaseOutcome> outcomes, PrintWriter out) {
        long migrated = outcomes.stream().filter(o -> o instanceof DatabaseOutcome.Migrated).count();
        long planned = outcomes.stream().filter(o -> o instanceof DatabaseOutcome.Planned).count();
        long upToDate = outcomes.stream().filter(o -> o instanceof DatabaseOutcome.UpToDate).count();
        long failed = outcomes.stream().filter(FleetRunner::isFailure).count();
        long skipped = outcomes.stream().filter(o -> o instanceof DatabaseOutcome.NotAttempted).count();
        if (outcomes.size() > 1) {
            out.println(outcomes.size() + " databases: " + migrated + " migrated, " + upToDate + " up to date, " + failed + " failed"
                    + (planned > 0 ? ", " + planned + " with work to do" : "") + (skipped > 0 ? ", " + skipped + " not attempted" : ""));
        }
        out.flush();
        return failed > 0 || skipped > 0 ? ExitCode.FAILED : ExitCode.OK;
    }
}
