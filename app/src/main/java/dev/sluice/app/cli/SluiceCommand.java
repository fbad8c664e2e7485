package dev.sluice.app.cli;

import dev.sluice.app.cli.migrate.BaselineCommand;
import dev.sluice.app.cli.migrate.MigrateCommand;
import dev.sluice.app.cli.migrate.RollbackCommand;
import dev.sluice.app.cli.migrate.DriftCommand;
import dev.sluice.app.cli.migrate.StatusCommand;
import dev.sluice.app.cli.review.ReviewCommand;
import dev.sluice.app.serve.ServeCommand;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sluice} command: a set of subcommands, each in its own class. */
@Command(
        name = "sluice",
        mixinStandardHelpOptions = true,
        versionProvider = SluiceVersion.class,
        description = "GitOps controller for PostgreSQL schema migrations.",
        subcommands = {ReviewCommand.class, MigrateCommand.class, StatusCommand.class, RollbackCommand.class,
            BaselineCommand.class, DriftCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class SluiceCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: say which one to run, for example 'sluice serve'.");
    }

    /** Runs the command line and returns the process exit code. */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new SluiceCommand());
        commandLine.setExecutionExceptionHandler(SluiceCommand::handleFailure);
        return commandLine.execute(args);
    }

    private static int handleFailure(Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (exception instanceof CommandFailure failure) {
            err.println("sluice: " + failure.getMessage());
            return failure.exitCode();
        }
        // Not the user's fault: say so in one line, keep the stack trace for the log.
        LoggerFactory.getLogger(SluiceCommand.class).debug("Internal error", exception);
        err.println("sluice: internal error: " + exception + " (set SLUICE_LOG_LEVEL=DEBUG for details)");
        return ExitCode.FAILED;
    }
}
