package dev.sluice.rollout.engine;

import dev.sluice.review.MigrationFile;
import dev.sluice.review.ReviewOptions;
import dev.sluice.review.Reviewer;
import dev.sluice.review.TransactionModel;
import dev.sluice.review.model.QualifiedName;
import dev.sluice.review.model.Statement;
import dev.sluice.review.rules.FileContext;
import dev.sluice.review.sql.SqlStatement;
import dev.sluice.rollout.ErrorCode;
import dev.sluice.rollout.RolloutException;
import dev.sluice.rollout.migration.Checksum;
import dev.sluice.rollout.migration.MigrationFileName;
import dev.sluice.rollout.migration.MigrationText;
import dev.sluice.rollout.migration.MigrationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads migration files into a {@link MigrationSet}: names checked (a misnamed .sql file is an
 * error, not silently skipped), checksums computed, statements split and the transaction decided
 * by the review's classifier, so the runner does what the review promised.
 */
public final class MigrationResolver {

    private final Reviewer reader;

    public MigrationResolver(int pgVersion) {
        this.reader = new Reviewer(ReviewOptions.defaults().withPgVersion(pgVersion).withModel(TransactionModel.SLUICE));
    }

    /** Every .sql file under the folder (recursively). */
    public MigrationSet resolve(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new RolloutException(ErrorCode.INVALID_INPUT, "no migrations folder at " + folder);
        }
        List<MigrationSource> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).filter(path -> path.toString().endsWith(".sql")).sorted().toList()) {
                sources.add(new MigrationSource(file.getFileName().toString(), MigrationText.read(file)));
            }
        } catch (IOException e) {
            throw new RolloutException(ErrorCode.INVALID_INPUT, "cannot list " + folder + ": " + e.getMessage(), e);
        }
        return resolve(sources);
    }

    public MigrationSet resolve(List<MigrationSource> sources) {
        Map<MigrationVersion, ResolvedMigration> ups = new HashMap<>();
        Map<MigrationVersion, ResolvedMigration> downs = new HashMap<>();
        for (MigrationSource source : sources) {
            MigrationFileName name = MigrationFileName.parse(source.fileName()).orElseThrow(() -> new RolloutException(
                    ErrorCode.INVALID_INPUT, source.fileName() + " is not a migration file name: use V<version>__<description>.sql"
                            + " (down: U<version>__<description>.sql) or <version>_<description>.up.sql / .down.sql"));
            ResolvedMigration migration = resolve(name, source.text());
            Map<MigrationVersion, ResolvedMigration> side = name.direction() == MigrationFileName.Direction.UP ? ups : downs;
            ResolvedMigration clash = side.put(migration.version(), migration);
            if (clash != null) {
                throw new RolloutException(ErrorCode.DUPLICATE_VERSION, "two migration files claim version " + migration.version()
                        + ": " + clash.script() + " and " + migration.script());
            }
        }
        List<ResolvedMigration> ordered = new ArrayList<>(ups.values());
        ordered.sort(Comparator.comparing(ResolvedMigration::version));
        return new MigrationSet(ordered, downs);
    }

    private ResolvedMigration resolve(MigrationFileName name, String text) {
        FileContext file = reader.read(new MigrationFile(name.fileName(), text));
        List<ScriptStatement> statements = new ArrayList<>();
        for (int i = 0; i < file.statements().size(); i++) {
            SqlStatement sql = file.sql(i);
            statements.add(new ScriptStatement(sql.text(file.source()), file.source().line(sql.start()),
                    concurrentIndex(file.statements().get(i))));
        }
        String reason = file.plan().blocker().map(blocker -> blocker.statement() < 0 ? blocker.reason()
                : blocker.reason() + " (line " + file.source().line(file.sql(blocker.statement()).start()) + ")").orElse("");
        return new ResolvedMigration(name.version(), name.description(), name.fileName(), name.direction(), Checksum.of(text),
                text, statements, file.plan().transactional(), reason, file.directives().lockTimeout(),
                file.directives().statementTimeout());
    }

    private static Optional<QualifiedName> concurrentIndex(Statement statement) {
        if (statement instanceof Statement.CreateIndex index && index.concurrently() && index.name().isPresent()) {
            return Optional.of(new QualifiedName(index.table().schema(), index.name().get()));
        }
        return Optional.empty();
    }
}
