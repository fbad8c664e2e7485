package dev.sluice.app.cli.migrate;

import dev.sluice.app.cli.CommandFailure;
import dev.sluice.app.cli.ExitCode;
import dev.sluice.rollout.engine.DatabaseOutcome;
import dev.sluice.rollout.engine.DatabaseTarget;
import dev.sluice.rollout.engine.FleetRunner;
import dev.sluice.rollout.engine.HistoryImport;
import dev.sluice.rollout.engine.MigrationRunner;
import dev.sluice.rollout.engine.MigrationSet;
import dev.sluice.rollout.engine.RolloutListener;
import dev.sluice.rollout.engine.RunSettings;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sluice baseline}: marks an existing database as at a version, or adopts another tool's history. */
@Command(name = "baseline",
        description = {"Start managing an existing database: --version V counts V and everything before it as applied;",
                "--adopt flyway|golang-migrate|dbmate imports that tool's history, checking each file is the one it applied."})
public final class BaselineCommand implements Callable<Integer> {

    @Mixin
    TargetOptions target;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--version", paramLabel = "V", description = "The version the database is at.")
        String version;

        @Option(names = "--adopt", paramLabel = "TOOL", description = "flyway, golang-migrate or dbmate.")
        String adopt;
    }

    // --version is the baseline version here (CONTRACT §2), so only --help of the standard options.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--dry-run", description = "Show what would be recorded; record nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<DatabaseTarget> targets = target.targets();
        RunSettings settings = RunSettings.defaults(TargetOptions.installedBy()).withDryRun(dryRun);
        MigrationRunner runner = new MigrationRunner(Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        RolloutListener listener = MigrateCommand.printing(out);
        List<DatabaseOutcome> outcomes;
        if (mode.version != null) {
            var version = MigrateCommand.version(mode.version);
            outcomes = FleetRunner.run(targets, target.fleet(),
                    database -> runner.baseline(database, version, settings, listener), listener);
        } else {
            HistoryImport.Tool tool = tool(mode.adopt);
            MigrationSet files = target.files(targets);
            HistoryImport adoption = new HistoryImport(runner, Clock.systemUTC());
            outcomes = FleetRunner.run(targets, target.fleet(),
                    database -> adoption.adopt(database, tool, files, settings, listener), listener);
        }
        return OutcomeReport.summarize(outcomes, out);
    }

    private static HistoryImport.Tool tool(String name) {
        try {
            return HistoryImport.Tool.parse(name);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, "--adopt " + name + " is not one of flyway, golang-migrate, dbmate");
        }
    }
}
