package dev.sluice.app.cli.migrate;

import dev.sluice.app.cli.ExitCode;
import dev.sluice.rollout.drift.DriftCheck;
import dev.sluice.rollout.drift.SchemaSnapshot;
import dev.sluice.rollout.drift.SnapshotReason;
import dev.sluice.rollout.drift.TargetSnapshots;
import dev.sluice.rollout.engine.DatabaseTarget;
import dev.sluice.rollout.engine.JdbcTargets;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sluice drift}: compares each database's live schema with the one recorded after Sluice
 * last migrated it (kept in the database's own {@code sluice.schema_snapshot}); with
 * {@code --accept}, records the live schema as the expected one.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"Compare the live schema of a database (or every database of a group) with the one recorded after the"
                + " last migration, and show each difference in words with the SQL that returns to the record.",
                "Exit code 1 on drift, on a database with nothing recorded, or one that does not answer."})
public final class DriftCommand implements Callable<Integer> {

    @Mixin
    TargetOptions target;

    @Option(names = "--accept", description = "Record the live schema as the expected one (drift and all).")
    boolean accept;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<DatabaseTarget> targets = target.targets();
        PrintWriter out = spec.commandLine().getOut();
        int exit = ExitCode.OK;
        for (DatabaseTarget database : targets) {
            try (Connection connection = database.connections().open("drift")) {
                if (accept) {
                    DriftCheck before = TargetSnapshots.check(connection);
                    TargetSnapshots.record(connection, SchemaSnapshot.read(connection), SnapshotReason.ACCEPT, Optional.empty(),
                            Optional.empty(), TargetOptions.installedBy(), Instant.now());
                    out.println(database.name() + ": the live schema is now the recorded one"
                            + (before instanceof DriftCheck.Drifted drifted ? " (" + differences(drifted.drift().differences().size())
                                    + " accepted)" : ""));
                    continue;
                }
                DriftCheck check = TargetSnapshots.check(connection);
                out.println(database.name() + ": " + check.describe().stripTrailing());
                exit = switch (check) {
                    case DriftCheck.Clean ignored -> exit;
                    case DriftCheck.Drifted ignored -> ExitCode.FAILED;
                    case DriftCheck.NothingRecorded ignored -> ExitCode.FAILED;
                };
            } catch (SQLException e) {
                out.println(database.name() + ": UNREACHABLE: " + JdbcTargets.redact(String.valueOf(e.getMessage())));
                exit = ExitCode.FAILED;
            }
        }
        out.flush();
        return exit;
    }

    private static String differences(int count) {
        return count + (count == 1 ? " difference" : " differences");
    }
}
