package dev.sluice.app.cli.review;

import dev.sluice.app.cli.CommandFailure;
import dev.sluice.app.cli.ExitCode;
import dev.sluice.review.MigrationFile;
import dev.sluice.review.ReviewOptions;
import dev.sluice.review.ReviewReport;
import dev.sluice.review.Reviewer;
import dev.sluice.review.RuleConfig;
import dev.sluice.review.TransactionModel;
import dev.sluice.review.report.MarkdownReport;
import dev.sluice.review.report.TextReport;
import dev.sluice.review.schema.SchemaCatalog;
import dev.sluice.rollout.RolloutException;
import dev.sluice.rollout.config.ProjectConfig;
import dev.sluice.rollout.config.ReviewRules;
import dev.sluice.rollout.engine.JdbcTargets;
import dev.sluice.rollout.migration.MigrationFileName;
import dev.sluice.rollout.migration.MigrationFiles;
import dev.sluice.rollout.migration.MigrationText;
import dev.sluice.rollout.schema.LiveSchemaCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sluice review}: lints migration files; no GitHub and no database needed. */
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        description = {
            "Review PostgreSQL migration files for lock hazards, destructive changes and mistakes.",
            "Exit code 0 when no error-severity finding remains, 1 when one does, 2 for bad input."
        })
public final class ReviewCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Migration files or folders (folders: every .sql file, in run order).")
    List<Path> paths;

    @Option(names = "--env", paramLabel = "NAME", description = "Use this environment's rule set from the configuration.")
    String environment;

    @Option(names = "--config", paramLabel = "FILE", description = "The sluice.yaml to read (default: ./sluice.yaml if present).")
    Path config;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, sarif or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--pg-version", paramLabel = "N", defaultValue = "" + ReviewOptions.DEFAULT_PG_VERSION,
            description = "Target PostgreSQL major version (default: ${DEFAULT-VALUE}).")
    int pgVersion;

    @Option(names = "--tx-model", paramLabel = "MODEL", defaultValue = "sluice",
            description = "sluice (a file is one transaction unless it cannot be) or psql (statement by statement,"
                    + " explicit BEGIN ... COMMIT blocks only); default: ${DEFAULT-VALUE}.")
    String txModel;

    @Option(names = "--stats", paramLabel = "JDBC_URL",
            description = "Read the live schema and table sizes from this database (read-only) for size-aware findings;"
                    + " user and password in the URL or in PGUSER and PGPASSWORD.")
    String stats;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ReviewFormat outputFormat = parseEnum(ReviewFormat.class, format, "--format", "text, json, sarif or markdown");
        TransactionModel model = parseEnum(TransactionModel.class, txModel, "--tx-model", "sluice or psql");
        if (pgVersion < 9 || pgVersion > 99) {
            throw new CommandFailure(ExitCode.USAGE, "--pg-version " + pgVersion + " is not a PostgreSQL major version");
        }
        RuleConfig rules = rules();
        List<MigrationFile> files = readFiles();
        // Down scripts run on rollback, long after their up scripts: what the ups created is not new then.
        List<MigrationFile> downs = files.stream().filter(ReviewCommand::isDownScript).toList();
        List<MigrationFile> ups = files.stream().filter(file -> !isDownScript(file)).toList();
        Reviewer reviewer = new Reviewer(new ReviewOptions(pgVersion, model, rules, liveSchema()));
        ReviewReport report = reviewer.review(ups).plus(reviewer.review(downs));

        PrintWriter out = spec.commandLine().getOut();
        out.print(switch (outputFormat) {
            case TEXT -> TextReport.render(report);
            case JSON -> JsonReport.render(report);
            case SARIF -> SarifReport.render(report);
            case MARKDOWN -> MarkdownReport.render(report);
        });
        out.flush();
        return report.hasErrors() ? ExitCode.FAILED : ExitCode.OK;
    }

    /** The live schema when --stats names a database; a database that does not answer is a warning, not a failure. */
    private SchemaCatalog liveSchema() {
        if (stats == null) {
            return SchemaCatalog.EMPTY;
        }
        Properties properties = new Properties();
        Optional.ofNullable(System.getenv("PGUSER")).ifPresent(user -> properties.setProperty("user", user));
        Optional.ofNullable(System.getenv("PGPASSWORD")).ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", "120");
        properties.setProperty("ApplicationName", "sluice review");
        try (Connection connection = DriverManager.getConnection(stats, properties)) {
            connection.setReadOnly(true);
            return LiveSchemaCatalog.load(connection);
        } catch (SQLException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("sluice: warning: could not read the live schema from " + JdbcTargets.redact(stats) + ": "
                    + e.getMessage() + "; reviewing without it");
            err.flush();
            return SchemaCatalog.EMPTY;
        }
    }

    private RuleConfig rules() {
        Path file = config != null ? config : Path.of("sluice.yaml");
        if (config != null && !Files.isRegularFile(config)) {
            throw new CommandFailure(ExitCode.USAGE, "no configuration file at " + config);
        }
        if (!Files.isRegularFile(file)) {
            if (environment != null) {
                throw new CommandFailure(ExitCode.USAGE, "--env " + environment + " needs a sluice.yaml (none here; pass --config)");
            }
            return ReviewRules.forEnvironment(ProjectConfig.defaults(), Optional.empty(), "defaults");
        }
        try {
            ProjectConfig project = ProjectConfig.parse(Files.readString(file), file.toString());
            return ReviewRules.forEnvironment(project, Optional.ofNullable(environment), file.toString());
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.USAGE, "cannot read " + file + ": " + e.getMessage(), e);
        } catch (RolloutException e) {
            throw new CommandFailure(ExitCode.USAGE, e.getMessage(), e);
        }
    }

    private List<MigrationFile> readFiles() {
        List<MigrationFile> files = new ArrayList<>();
        try {
            for (Path path : paths) {
                if (Files.isDirectory(path)) {
                    for (Path file : MigrationFiles.inRunOrder(path)) {
                        files.add(new MigrationFile(display(file), MigrationText.read(file)));
                    }
                } else if (Files.isRegularFile(path)) {
                    files.add(new MigrationFile(display(path), MigrationText.read(path)));
                } else {
                    throw new CommandFailure(ExitCode.USAGE, "no such file or folder: " + path);
                }
            }
        } catch (RolloutException e) {
            throw new CommandFailure(ExitCode.USAGE, e.getMessage(), e);
        }
        return files;
    }

    private static boolean isDownScript(MigrationFile file) {
        return MigrationFileName.parse(Path.of(file.path()).getFileName().toString())
                .filter(name -> name.direction() == MigrationFileName.Direction.DOWN)
                .isPresent();
    }

    /** Paths as the user would write them: relative to the working folder when inside it. */
    private static String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return (absolute.startsWith(here) ? here.relativize(absolute) : absolute).toString();
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String option, String allowed) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, option + " " + value + " is not one of " + allowed);
        }
    }
}
