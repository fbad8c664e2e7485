package dev.sluice.rollout.drift;

import dev.sluice.rollout.engine.DatabaseOutcome;
import dev.sluice.rollout.engine.DatabaseTarget;
import dev.sluice.rollout.engine.JdbcTargets;
import dev.sluice.rollout.engine.MigrationResolver;
import dev.sluice.rollout.engine.MigrationRunner;
import dev.sluice.rollout.engine.MigrationSet;
import dev.sluice.rollout.engine.MigrationSource;
import dev.sluice.rollout.engine.RolloutListener;
import dev.sluice.rollout.engine.RunSettings;
import dev.sluice.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Migrating through Sluice, changing things behind its back, and checking for drift. */
final class DriftFixtures {

    static final MigrationResolver RESOLVER = new MigrationResolver(17);
    static final MigrationRunner RUNNER = new MigrationRunner(Clock.systemUTC());

    private DriftFixtures() {
    }

    static DatabaseTarget target(TestDatabase database) {
        return JdbcTargets.of(database.name(), database.jdbcUrl(), database.username(), database.password());
    }

    static RunSettings settings() {
        return RunSettings.defaults("test").withRetries(0, Duration.ofMillis(10)).withLockWait(Duration.ofSeconds(5));
    }

    /** Alternating file names and texts. */
    static MigrationSet files(List<String> namesAndTexts) {
        List<MigrationSource> sources = new ArrayList<>();
        for (int i = 0; i < namesAndTexts.size(); i += 2) {
            sources.add(new MigrationSource(namesAndTexts.get(i), namesAndTexts.get(i + 1)));
        }
        return RESOLVER.resolve(sources);
    }

    static DatabaseOutcome migrate(TestDatabase database, String... namesAndTexts) {
        return RUNNER.migrate(target(database), files(List.of(namesAndTexts)), settings(), RolloutListener.NONE);
    }

    /** Out of band: in autocommit, the way someone with psql would. */
    static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static DriftCheck check(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return TargetSnapshots.check(connection);
        }
    }

    static SchemaSnapshot read(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return SchemaSnapshot.read(connection);
        }
    }
}
