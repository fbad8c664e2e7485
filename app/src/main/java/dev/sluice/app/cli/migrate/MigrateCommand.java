package dev.sluice.app.cli.migrate;

import dev.sluice.app.cli.CommandFailure;
import dev.sluice.app.cli.ExitCode;
import dev.sluice.rollout.engine.DatabaseOutcome;
import dev.sluice.rollout.engine.DatabaseTarget;
import dev.sluice.rollout.engine.FleetRunner;
import dev.sluice.rollout.engine.MigrationRunner;
import dev.sluice.rollout.engine.MigrationSet;
import dev.sluice.rollout.engine.RolloutListener;
import dev.sluice.rollout.engine.RunSettings;
import dev.sluice.rollout.migration.MigrationVersion;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sluice migrate}: applies pending migrations to one database or a group. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply pending migrations to a database, or to every database of a group, in waves.")
public final class MigrateCommand implements Callable<Integer> {

    @Mixin
    TargetOptions target;

    @Option(names = "--to", paramLabel = "VERSION", description = "Apply up to this version (inclusive).")
    String to;

    @Option(names = "--dry-run", description = "Show, per database, what would run and how; run nothing.")
    boolean dryRun;

    @Option(names = "--allow-out-of-order",
            description = "Apply new versions below the highest applied one instead of stopping (also: out-of-order: allow in sluice.yaml).")
    boolean allowOutOfOrder;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Optional<MigrationVersion> version = Optional.ofNullable(to).map(MigrateCommand::version);
        List<DatabaseTarget> targets = target.targets();
        MigrationSet files = target.files(targets);
        RunSettings settings = RunSettings.defaults(TargetOptions.installedBy()).withTarget(version).withDryRun(dryRun)
                .withAllowOutOfOrder(allowOutOfOrder || TargetOptions.project().allowOutOfOrder());
        MigrationRunner runner = new MigrationRunner(Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        RolloutListener listener = MigrateCommand.printing(out);
        List<DatabaseOutcome> outcomes = FleetRunner.run(targets, target.fleet(),
                database -> runner.migrate(database, files, settings, listener), listener);
        return OutcomeReport.summarize(outcomes, out);
    }

    static RolloutListener printing(PrintWriter out) {
        return new RolloutListener() {
            @Override
            public void databaseFinished(DatabaseOutcome outcome) {
                synchronized (out) {
                    out.println(OutcomeReport.line(outcome));
                    out.flush();
                }
            }
        };
    }

    static MigrationVersion version(String text) {
        try {
            return MigrationVersion.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, "--to " + text + ": " + e.getMessage());
        }
    }
}
