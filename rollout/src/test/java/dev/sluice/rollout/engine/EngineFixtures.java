package dev.sluice.rollout.engine;

import dev.sluice.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the engine tests. */
final class EngineFixtures {

    static final MigrationResolver RESOLVER = new MigrationResolver(17);
    static final MigrationRunner RUNNER = new MigrationRunner(Clock.systemUTC());

    private EngineFixtures() {
    }

    static DatabaseTarget target(TestDatabase database) {
        return JdbcTargets.of(database.name(), database.jdbcUrl(), database.username(), database.password());
    }

    /** Alternating file names and texts. */
    static MigrationSet files(String... namesAndTexts) {
        List<MigrationSource> sources = new ArrayList<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            sources.add(new MigrationSource(namesAndTexts[i], namesAndTexts[i + 1]));
        }
        return RESOLVER.resolve(sources);
    }

    static RunSettings fast() {
        return RunSettings.defaults("test").withRetries(2, Duration.ofMillis(50)).withLockWait(Duration.ofSeconds(2));
    }

    static List<String> column(TestDatabase database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** "version direction success" for each history row, in order. */
    static List<String> history(TestDatabase database) throws SQLException {
        return column(database, "SELECT version || ' ' || direction || ' ' || success FROM sluice.schema_history ORDER BY installed_rank");
    }
}
