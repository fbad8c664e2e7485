package dev.sluice.rollout.engine;

import static dev.sluice.rollout.engine.EngineFixtures.RUNNER;
import static dev.sluice.rollout.engine.EngineFixtures.column;
import static dev.sluice.rollout.engine.EngineFixtures.execute;
import static dev.sluice.rollout.engine.EngineFixtures.fast;
import static dev.sluice.rollout.engine.EngineFixtures.files;
import static dev.sluice.rollout.engine.EngineFixtures.history;
import static dev.sluice.rollout.engine.EngineFixtures.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.rollout.ErrorCode;
import dev.sluice.rollout.migration.MigrationVersion;
import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class MigrationRunnerTest {

    static final MigrationSet THREE = files(
            "V1__accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);",
            "V2__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id));",
            "V3__index.sql", "CREATE INDEX CONCURRENTLY orders_account_id_idx ON orders (account_id);",
            "U3__index.sql", "DROP INDEX CONCURRENTLY orders_account_id_idx;",
            "U2__orders.sql", "DROP TABLE orders;");

    @Test
    void appliesPendingVersionsInOrderOnceAndThenHasNothingToDo() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("RunnerApplies");

        DatabaseOutcome first = RUNNER.migrate(target(database), THREE, fast(), RolloutListener.NONE);

        assertThat(first).isInstanceOfSatisfying(DatabaseOutcome.Migrated.class, migrated -> {
            assertThat(migrated.steps()).extracting(step -> step.version().text()).containsExactly("1", "2", "3");
            assertThat(migrated.steps()).extracting(Step::transactional).containsExactly(true, true, false);
        });
        assertThat(history(database)).containsExactly("1 up true", "2 up true", "3 up true");
        assertThat(column(database, "SELECT installed_by || ':' || checksum FROM sluice.schema_history WHERE version = '1'"))
                .singleElement().asString().matches("test:sha256:[0-9a-f]{64}");
        assertThat(RUNNER.migrate(target(database), THREE, fast(), RolloutListener.NONE))
                .isEqualTo(new DatabaseOutcome.UpToDate(database.name()));
        assertThat(RUNNER.status(target(database), THREE)).extracting(MigrationStatus::state)
                .containsOnly(MigrationState.APPLIED);
    }

    @Test
    void aFailedTransactionalFileLeavesNothingAndSaysWhereAndWhy() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("RunnerFails");
        MigrationSet broken = files("V1__half.sql", """
                CREATE TABLE kept_out (id int);
                INSERT INTO kept_out VALUES (1);
                INSERT INTO kept_out
                  VALUES ('not a number');
                """);

        DatabaseOutcome outcome = RUNNER.migrate(target(database), broken, fast(), RolloutListener.NONE);

        assertThat(outcome).isInstanceOfSatisfying(DatabaseOutcome.Failed.class, failed -> {
            assertThat(failed.script()).isEqualTo("V1__half.sql");
            assertThat(failed.line()).isEqualTo(4);
            assertThat(failed.sqlState()).isEqualTo("22P02");
            assertThat(failed.message()).contains("invalid input syntax for type integer");
            assertThat(failed.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
        });
        assertThat(column(database, "SELECT to_regclass('kept_out')::text")).containsExactly((String) null);
        assertThat(history(database)).containsExactly("1 up false");
        assertThat(RUNNER.status(target(database), broken)).extracting(MigrationStatus::state).containsExactly(MigrationState.FAILED);
    }

    @Test
    void checksAgainstTheHistoryBeforeChangingAnything() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("RunnerValidates");
        RUNNER.migrate(target(database), files("V1__a.sql", "CREATE TABLE a (id int);", "V3__c.sql", "CREATE TABLE c (id int);"),
                fast(), RolloutListener.NONE);

        MigrationSet changed = files("V1__a.sql", "CREATE TABLE a (id bigint);", "V2__b.sql", "CREATE TABLE b (id int);",
                "V4__d.sql", "CREATE TABLE d (id int);");
        DatabaseOutcome outcome = RUNNER.migrate(target(database), changed, fast(), RolloutListener.NONE);

        assertThat(outcome).isInstanceOfSatisfying(DatabaseOutcome.Invalid.class, invalid -> {
            assertThat(invalid.code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH);
            assertThat(invalid.problems()).hasSize(3);
            assertThat(invalid.problems().get(0)).startsWith("V1__a.sql was changed after it was applied");
            assertThat(invalid.problems().get(1)).startsWith("V2__b.sql is new but below the highest applied version");
            assertThat(invalid.problems().get(2)).startsWith("version 3 (V3__c.sql) is applied but its file is gone");
        });
        assertThat(column(database, "SELECT to_regclass('d')::text")).containsExactly((String) null);
        assertThat(RUNNER.status(target(database), changed)).extracting(status -> status.version() + " " + status.state().label())
                .containsExactly("1 checksum-mismatch", "2 out-of-order", "3 missing-file", "4 pending");
    }

    @Test
    void outOfOrderVersionsRunWhenAllowed() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("RunnerOutOfOrder");
        RUNNER.migrate(target(database), files("V1__a.sql", "CREATE TABLE a (id int);", "V3__c.sql", "CREATE TABLE c (id int);"),
                fast(), RolloutListener.NONE);
        MigrationSet withTwo = files("V1__a.sql", "CREATE TABLE a (id int);", "V2__b.sql", "CREATE TABLE b (id int);",
                "V3__c.sql", "CREATE TABLE c (id int);");

        DatabaseOutcome outcome = RUNNER.migrate(target(database), withTwo, fast().withAllowOutOfOrder(true), RolloutListener.NONE);

        assertThat(outcome).isInstanceOfSatisfying(DatabaseOutcome.Migrated.class,
                migrated -> assertThat(migrated.steps()).extracting(step -> step.version().text()).containsExactly("2"));
    }

    @Test
    void aDatabaseAheadOfTheFilesReportsFutureVersionsAndRunsNothing() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("RunnerFuture");
        RUNNER.migrate(target(database), THREE, fast(), RolloutListener.NONE);
        MigrationSet older = files("V1__accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);");

        assertThat(RUNNER.migrate(target(database), older, fast(), RolloutListener.NONE)).isInstanceOf(DatabaseOutcome.UpToDate.class);
        assertThat(RUNNER.status(target(database), older)).extracting(status -> status.state().label())
                .containsExactly("applied", "future", "future");
    }

    @Test
    void migratesUpToATargetVersionAndRollsBackNewestFirst() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("RunnerRollback");
        RUNNER.migrate(target(database), THREE, fast().withTarget(Optional.of(MigrationVersion.parse("2"))), RolloutListener.NONE);
        assertThat(history(database)).containsExactly("1 up true", "2 up true");
        RUNNER.migrate(target(database), THREE, fast(), RolloutListener.NONE);

        DatabaseOutcome rollback = RUNNER.rollback(target(database), THREE, MigrationVersion.parse("1"), fast(), RolloutListener.NONE);

        assertThat(rollback).isInstanceOfSatisfying(DatabaseOutcome.Migrated.class, migrated ->
                assertThat(migrated.steps()).extracting(step -> step.script()).containsExactly("U3__index.sql", "U2__orders.sql"));
        assertThat(history(database)).endsWith("3 down true", "2 down true");
        assertThat(column(database, "SELECT to_regclass('orders')::text")).containsExactly((String) null);
        assertThat(RUNNER.status(target(database), THREE)).extracting(status -> status.state().label())
                .containsExactly("applied", "pending", "pending");
    }

    @Test
    void rollbackNeedsADownScriptForEveryVersion() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("RunnerRollbackMissing");
        RUNNER.migrate(target(database), THREE, fast(), RolloutListener.NONE);

        DatabaseOutcome outcome = RUNNER.rollback(target(database), THREE, MigrationVersion.parse("0"), fast(), RolloutListener.NONE);

        assertThat(outcome).isInstanceOfSatisfying(DatabaseOutcome.Invalid.class,
                invalid -> assertThat(invalid.problems()).containsExactly(
                        "no down script for V1__accounts.sql (expected U1__accounts.sql or a .down.sql file)"));
        assertThat(history(database)).hasSize(3);
    }

    @Test
    void aBaselineCountsEveryVersionUpToItAsApplied() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("RunnerBaseline");
        execute(database, "CREATE TABLE accounts (id bigint PRIMARY KEY, email text); CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint)");

        assertThat(RUNNER.baseline(target(database), MigrationVersion.parse("2"), fast(), RolloutListener.NONE))
                .isInstanceOf(DatabaseOutcome.Migrated.class);
        DatabaseOutcome outcome = RUNNER.migrate(target(database), THREE, fast(), RolloutListener.NONE);

        assertThat(outcome).isInstanceOfSatisfying(DatabaseOutcome.Migrated.class, migrated ->
                assertThat(migrated.steps()).extracting(step -> step.version().text()).containsExactly("3"));
        assertThat(RUNNER.status(target(database), THREE)).extracting(status -> status.state().label())
                .containsExactly("below-baseline", "below-baseline", "applied");
        assertThat(RUNNER.baseline(target(database), MigrationVersion.parse("5"), fast(), RolloutListener.NONE))
                .isInstanceOf(DatabaseOutcome.Invalid.class);
    }

    @Test
    void anUpToDateDatabaseCostsOneConnectionAndNoLockWhileWorkIsDecidedUnderTheLock() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("RunnerNoOp");
        List<String> opened = new CopyOnWriteArrayList<>();
        DatabaseTarget counting = new DatabaseTarget(database.name(), purpose -> {
            opened.add(purpose);
            return target(database).connections().open(purpose);
        });
        assertThat(RUNNER.migrate(counting, THREE, fast(), RolloutListener.NONE)).isInstanceOf(DatabaseOutcome.Migrated.class);
        assertThat(opened).containsExactly("migrate", "lock");

        opened.clear();
        try (Connection holder = database.connect(); Statement statement = holder.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + MigrationLock.KEY + ")"); // another runner holds the lock

            assertThat(RUNNER.migrate(counting, THREE, fast(), RolloutListener.NONE))
                    .isEqualTo(new DatabaseOutcome.UpToDate(database.name()));
            assertThat(opened).containsExactly("migrate");
            MigrationSet four = files("V1__accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);",
                    "V2__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id));",
                    "V3__index.sql", "CREATE INDEX CONCURRENTLY orders_account_id_idx ON orders (account_id);",
                    "V4__note.sql", "ALTER TABLE orders ADD COLUMN note text;");
            assertThat(RUNNER.migrate(counting, four, fast().withLockWait(Duration.ofMillis(300)), RolloutListener.NONE))
                    .isInstanceOf(DatabaseOutcome.Locked.class);
        }
    }

    @Test
    void aDryRunSaysWhatWouldRunAndChangesNothing() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("RunnerDryRun");

        DatabaseOutcome outcome = RUNNER.migrate(target(database), THREE, fast().withDryRun(true), RolloutListener.NONE);

        assertThat(outcome).isInstanceOfSatisfying(DatabaseOutcome.Planned.class, planned -> {
            assertThat(planned.steps()).extracting(step -> step.script() + " " + step.transactional())
                    .containsExactly("V1__accounts.sql true", "V2__orders.sql true", "V3__index.sql false");
            assertThat(planned.steps().get(2).transactionReason())
                    .isEqualTo("CREATE INDEX CONCURRENTLY cannot run inside a transaction block (line 1)");
        });
        assertThat(column(database, "SELECT to_regclass('sluice.schema_history')::text")).containsExactly((String) null);
    }

    @Test
    void anUnreachableDatabaseIsAnOutcomeWithoutThePassword() {
        DatabaseTarget nowhere = JdbcTargets.of("nowhere", "jdbc:postgresql://localhost:1/none", "user", "s3cret");
        DatabaseOutcome outcome = RUNNER.migrate(nowhere, THREE, fast(), RolloutListener.NONE);
        assertThat(outcome).isInstanceOfSatisfying(DatabaseOutcome.Unreachable.class,
                unreachable -> assertThat(unreachable.message()).contains("Connection to localhost:1 refused").doesNotContain("s3cret"));
    }

    @Test
    void resolvingRefusesDuplicateVersionsAndMisnamedFiles() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> files("V1__a.sql", "SELECT 1;", "V1.0__b.sql", "SELECT 2;"))
                .isInstanceOfSatisfying(dev.sluice.rollout.RolloutException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_VERSION))
                .hasMessageContaining("two migration files claim version");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> files("V2_add_column.sql", "SELECT 1;"))
                .hasMessageStartingWith("V2_add_column.sql is not a migration file name");
        assertThat(List.of()).isEmpty();
    }
}
