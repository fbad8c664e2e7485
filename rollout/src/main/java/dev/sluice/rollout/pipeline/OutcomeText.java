package dev.sluice.rollout.pipeline;

import dev.sluice.rollout.engine.DatabaseOutcome;
import dev.sluice.rollout.engine.JdbcTargets;
import dev.sluice.rollout.engine.Step;
import java.util.List;
import java.util.stream.Collectors;

/** One database's outcome in words, as the release comment and the audit trail show it; never a password. */
final class OutcomeText {

    private OutcomeText() {
    }

    static String of(DatabaseOutcome outcome) {
        String text = switch (outcome) {
            case DatabaseOutcome.UpToDate ignored -> "up to date";
            case DatabaseOutcome.Migrated migrated -> "applied " + scripts(migrated.steps())
                    + (migrated.warnings().isEmpty() ? "" : " (" + String.join("; ", migrated.warnings()) + ")");
            case DatabaseOutcome.Planned planned -> "would apply " + scripts(planned.steps());
            case DatabaseOutcome.Failed failed -> failed.script() + (failed.line() > 0 ? " line " + failed.line() : "") + ": "
                    + (failed.sqlState().isEmpty() ? "" : "SQLSTATE " + failed.sqlState() + ": ") + failed.message();
            case DatabaseOutcome.Locked locked -> "another runner holds the migration lock: " + locked.holder().describe();
            case DatabaseOutcome.Invalid invalid -> "not run: " + String.join("; ", invalid.problems());
            case DatabaseOutcome.Unreachable unreachable -> "unreachable: " + unreachable.message();
            case DatabaseOutcome.NotAttempted skipped -> "not attempted: " + skipped.reason();
        };
        String redacted = JdbcTargets.redact(text);
        return redacted.length() > 2000 ? redacted.substring(0, 2000) + "…" : redacted;
    }

    private static String scripts(List<Step> steps) {
        return steps.stream().map(Step::script).collect(Collectors.joining(", "));
    }
}
