package dev.sluice.app.cli.migrate;

import dev.sluice.app.cli.ExitCode;
import dev.sluice.rollout.engine.DatabaseTarget;
import dev.sluice.rollout.engine.HistoryRow;
import dev.sluice.rollout.engine.JdbcTargets;
import dev.sluice.rollout.engine.MigrationRunner;
import dev.sluice.rollout.engine.MigrationSet;
import dev.sluice.rollout.engine.MigrationState;
import dev.sluice.rollout.engine.MigrationStatus;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sluice status}: per database, the state of every version; like {@code flyway info}. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show, per database, every version's state: pending, applied, failed, checksum-mismatch,"
                + " missing-file, out-of-order, future, below-baseline.",
                "Exit code 1 when a database has a failed, changed or missing migration."})
public final class StatusCommand implements Callable<Integer> {

    private static final Set<MigrationState> PROBLEMS = EnumSet.of(MigrationState.FAILED, MigrationState.CHECKSUM_MISMATCH,
            MigrationState.MISSING_FILE, MigrationState.OUT_OF_ORDER);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @Mixin
    TargetOptions target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<DatabaseTarget> targets = target.targets();
        MigrationSet files = target.files(targets);
        MigrationRunner runner = new MigrationRunner(Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        int exit = ExitCode.OK;
        for (DatabaseTarget database : targets) {
            out.println(database.name());
            try {
                List<MigrationStatus> statuses = runner.status(database, files);
                if (statuses.isEmpty()) {
                    out.println("  no migrations");
                }
                for (MigrationStatus status : statuses) {
                    out.printf("  %-16s %-18s %-40s %s%n", status.version(), status.state().label(), status.script(),
                            status.latest().map(StatusCommand::installed).orElse(""));
                    if (PROBLEMS.contains(status.state())) {
                        exit = ExitCode.FAILED;
                    }
                }
            } catch (SQLException e) {
                out.println("  UNREACHABLE: " + JdbcTargets.redact(String.valueOf(e.getMessage())));
                exit = ExitCode.FAILED;
            }
        }
        out.flush();
        return exit;
    }

    private static String installed(HistoryRow row) {
        return (row.success() ? "" : "attempted ") + TIME.format(row.installedAt()) + " by " + row.installedBy()
                + (row.direction() == HistoryRow.Direction.DOWN ? " (rolled back)" : "");
    }
}
