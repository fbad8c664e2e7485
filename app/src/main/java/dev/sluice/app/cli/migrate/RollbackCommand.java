package dev.sluice.app.cli.migrate;

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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sluice rollback --to VERSION}: applies the down scripts of newer versions, newest first. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Apply the down scripts (U<version>__*.sql or *.down.sql) of every applied version newer than --to, newest first.")
public final class RollbackCommand implements Callable<Integer> {

    @Mixin
    TargetOptions target;

    @Option(names = "--to", required = true, paramLabel = "VERSION", description = "Roll back to this version (it stays applied).")
    String to;

    @Option(names = "--dry-run", description = "Show what would run; run nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        MigrationVersion version = MigrateCommand.version(to);
        List<DatabaseTarget> targets = target.targets();
        MigrationSet files = target.files(targets);
        RunSettings settings = RunSettings.defaults(TargetOptions.installedBy()).withDryRun(dryRun);
        MigrationRunner runner = new MigrationRunner(Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        RolloutListener listener = MigrateCommand.printing(out);
        List<DatabaseOutcome> outcomes = FleetRunner.run(targets, target.fleet(),
                database -> runner.rollback(database, files, version, settings, listener), listener);
        return OutcomeReport.summarize(outcomes, out);
    }
}
