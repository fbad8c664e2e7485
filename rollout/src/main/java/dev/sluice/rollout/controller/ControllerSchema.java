package dev.sluice.rollout.controller;

import dev.sluice.rollout.engine.DatabaseOutcome;
import dev.sluice.rollout.engine.DatabaseTarget;
import dev.sluice.rollout.engine.MigrationResolver;
import dev.sluice.rollout.engine.MigrationRunner;
import dev.sluice.rollout.engine.MigrationSource;
import dev.sluice.rollout.engine.RolloutListener;
import dev.sluice.rollout.engine.RunSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Brings the controller's own database up to date from the versioned SQL files under
 * {@code db/controller/}, with Sluice's own migration engine: the same history table, checks and
 * lock as on every target, so replicas starting together take turns and an applied file that
 * changed stops the start-up.
 */
public final class ControllerSchema {

    static final String FOLDER = "db/controller";

    private final DataSource dataSource;
    private final List<MigrationSource> files;

    public ControllerSchema(DataSource dataSource, List<MigrationSource> files) {
        this.dataSource = dataSource;
        this.files = List.copyOf(files);
    }

    public static ControllerSchema fromClasspath(DataSource dataSource) {
        return new ControllerSchema(dataSource, loadFiles());
    }

    /** Applies what is missing; returns the versions applied now. */
    public List<String> migrate() {
        DatabaseTarget controller = new DatabaseTarget("controller database", purpose -> dataSource.getConnection());
        RunSettings settings = RunSettings.defaults("sluice-controller").withLockWait(Duration.ofMinutes(2));
        DatabaseOutcome outcome = new MigrationRunner(Clock.systemUTC())
                .migrate(controller, new MigrationResolver(17).resolve(files), settings, RolloutListener.NONE);
        return switch (outcome) {
            case DatabaseOutcome.Migrated migrated -> migrated.steps().stream().map(step -> step.version().text()).toList();
            case DatabaseOutcome.UpToDate ignored -> List.of();
            case DatabaseOutcome.Failed failed -> throw new IllegalStateException("controller migration " + failed.script()
                    + " failed at line " + failed.line() + ": SQLSTATE " + failed.sqlState() + ": " + failed.message());
            case DatabaseOutcome.Invalid invalid -> throw new IllegalStateException("the controller database does not match"
                    + " its migrations: " + String.join("; ", invalid.problems()));
            case DatabaseOutcome.Locked locked -> throw new IllegalStateException("another controller is migrating the"
                    + " controller database and did not finish within two minutes: " + locked.holder().describe());
            case DatabaseOutcome.Unreachable unreachable -> throw new IllegalStateException("the controller database did not"
                    + " answer: " + unreachable.message());
            case DatabaseOutcome.Planned ignored -> throw new IllegalStateException("a dry run cannot migrate");
            case DatabaseOutcome.NotAttempted skipped -> throw new IllegalStateException(skipped.reason());
        };
    }

    static List<MigrationSource> loadFiles() {
        List<MigrationSource> loaded = new ArrayList<>();
        for (String name : listFolder()) {
            loaded.add(new MigrationSource(name, readResource(FOLDER + "/" + name)));
        }
        return loaded;
    }

    private static List<String> listFolder() {
        URL url = ControllerSchema.class.getClassLoader().getResource(FOLDER);
        if (url == null) {
            throw new IllegalStateException(FOLDER + " is missing from the class path");
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    String prefix = FOLDER + "/";
                    return jar.stream()
                            .map(entry -> entry.getName())
                            .filter(name -> name.startsWith(prefix) && name.length() > prefix.length())
                            .map(name -> name.substring(prefix.length()))
                            .filter(name -> !name.contains("/"))
                            .sorted()
                            .toList();
                }
            }
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                return files.map(path -> path.getFileName().toString()).sorted().toList();
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("could not list " + url, e);
        }
    }

    private static String readResource(String name) {
        try (InputStream in = ControllerSchema.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + name, e);
        }
    }
}
