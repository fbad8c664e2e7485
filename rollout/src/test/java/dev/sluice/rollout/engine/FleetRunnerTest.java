package dev.sluice.rollout.engine;

import static dev.sluice.rollout.engine.EngineFixtures.RUNNER;
import static dev.sluice.rollout.engine.EngineFixtures.fast;
import static dev.sluice.rollout.engine.EngineFixtures.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.embedded.EmbeddedPostgres;
import dev.sluice.testsupport.SharedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FleetRunnerTest {

    static final MigrationSet RELEASE = files(
            "V1__accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);",
            "V2__seed.sql", "INSERT INTO accounts VALUES (1, 'root@example.com');",
            "V3__index.sql", "CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);");

    @Test
    void aGroupWithOneBrokenDatabaseMigratesTheRestAndARerunTouchesOnlyTheBrokenOne() throws Exception {
        EmbeddedPostgres server = SharedPostgres.server();
        String prefix = "fleet_" + ProcessHandle.current().pid() + "_";
        for (int i = 0; i < 200; i++) {
            server.createDatabaseIfMissing(prefix + String.format("%03d", i));
        }
        String broken = prefix + "117";
        try (Connection connection = server.connect(broken); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE accounts (id int)"); // V1 will fail here
        }
        List<DatabaseTarget> targets = group(server, prefix + "%");
        assertThat(targets).hasSize(200);
        FleetRunner.Settings settings = new FleetRunner.Settings(8, Waves.parse("[1, 10%, 100%]"), Integer.MAX_VALUE);
        List<Integer> waveSizes = Collections.synchronizedList(new ArrayList<>());
        RolloutListener waves = new RolloutListener() {
            @Override
            public void waveFinished(int wave, int databases, int failures) {
                waveSizes.add(databases);
            }
        };

        List<DatabaseOutcome> first = FleetRunner.run(targets, settings,
                target -> RUNNER.migrate(target, RELEASE, fast(), RolloutListener.NONE), waves);

        assertThat(waveSizes).containsExactly(1, 19, 180);
        assertThat(first).filteredOn(FleetRunner::isFailure).singleElement().satisfies(outcome -> {
            assertThat(outcome.database()).isEqualTo(broken);
            assertThat(outcome).isInstanceOfSatisfying(DatabaseOutcome.Failed.class,
                    failed -> assertThat(failed.sqlState()).isEqualTo("42P07"));
        });
        assertThat(first).filteredOn(outcome -> outcome instanceof DatabaseOutcome.Migrated).hasSize(199);

        try (Connection connection = server.connect(broken); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE accounts");
        }
        AtomicInteger touched = new AtomicInteger();
        List<DatabaseOutcome> second = FleetRunner.run(targets, settings,
                target -> RUNNER.migrate(target, RELEASE, fast(), new RolloutListener() {
                    @Override
                    public void stepFinished(String database, Step step) {
                        touched.incrementAndGet();
                    }
                }), RolloutListener.NONE);

        assertThat(second).filteredOn(outcome -> outcome instanceof DatabaseOutcome.Migrated)
                .singleElement().extracting(DatabaseOutcome::database).isEqualTo(broken);
        assertThat(second).filteredOn(outcome -> outcome instanceof DatabaseOutcome.UpToDate).hasSize(199);
        assertThat(touched).hasValue(3);
        for (int i = 0; i < 200; i++) {
            server.dropDatabase(prefix + String.format("%03d", i));
        }
    }

    @Test
    void noNewDatabaseStartsOnceTooManyHaveFailed() {
        List<DatabaseTarget> targets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            targets.add(JdbcTargets.of("unreachable_" + i, "jdbc:postgresql://localhost:1/x", "u", "p"));
        }
        List<DatabaseOutcome> outcomes = FleetRunner.run(targets, new FleetRunner.Settings(1, Waves.parse("1, 100%"), 0),
                target -> RUNNER.migrate(target, RELEASE, fast(), RolloutListener.NONE), RolloutListener.NONE);

        assertThat(outcomes.getFirst()).isInstanceOf(DatabaseOutcome.Unreachable.class);
        assertThat(outcomes.subList(1, 10)).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(DatabaseOutcome.NotAttempted.class));
    }

    @Test
    void wavesSplitCumulativelyAndNeverEmpty() {
        List<Integer> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundred.add(i);
        }
        assertThat(Waves.parse("[1, 10%, 100%]").split(hundred)).extracting(List::size).containsExactly(1, 9, 90);
        assertThat(Waves.parse("[1, 10%, 100%]").split(List.of(1, 2))).extracting(List::size).containsExactly(1, 1);
        assertThat(Waves.parse("5").split(hundred)).extracting(List::size).containsExactly(100);
        assertThat(Waves.ALL_AT_ONCE.split(List.of())).isEmpty();
        assertThatThrownBy(() -> Waves.parse("[0]")).hasMessageContaining("at least one database");
        assertThatThrownBy(() -> Waves.parse("[ten]")).hasMessageContaining("a count (10) or a percentage (10%)");
    }

    @Test
    void groupsAreAListOrALikePatternNeverATemplate() throws Exception {
        try (Connection connection = SharedPostgres.server().connect("postgres")) {
            assertThat(DatabaseGroups.list(connection, "a, b,a")).containsExactly("a", "b");
            assertThat(DatabaseGroups.list(connection, "template%")).isEmpty();
            assertThat(DatabaseGroups.list(connection, "post%")).containsExactly("postgres");
            assertThat(DatabaseGroups.list(connection, "sample_dev")).as("an underscore alone is no wildcard").containsExactly("sample_dev");
        }
    }

    private static List<DatabaseTarget> group(EmbeddedPostgres server, String pattern) throws Exception {
        List<DatabaseTarget> targets = new ArrayList<>();
        try (Connection connection = server.connect("postgres")) {
            for (String name : DatabaseGroups.list(connection, pattern)) {
                targets.add(JdbcTargets.of(name, server.jdbcUrl(name), server.username(), server.password()));
            }
        }
        return targets;
    }

    static int count(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}
