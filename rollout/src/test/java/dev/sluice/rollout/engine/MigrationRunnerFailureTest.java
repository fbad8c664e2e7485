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
import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What happens when the database fights back: killed sessions, competing runners, held locks, failed index builds. */
class MigrationRunnerFailureTest {

    @Test
    void aConnectionKilledMidTransactionLeavesNothingAppliedAndAFailureRow() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("KilledMidTransaction");
        MigrationSet slow = files("V1__slow.sql", "CREATE TABLE half_done (id int);\nSELECT pg_sleep(30);\nCREATE TABLE never (id int);");
        CountDownLatch sleeping = new CountDownLatch(1);
        CompletableFuture<DatabaseOutcome> run = CompletableFuture.supplyAsync(() -> RUNNER.migrate(target(database), slow, fast(),
                new RolloutListener() {
                    @Override
                    public void databaseStarted(String name) {
                        sleeping.countDown();
                    }
                }));
        assertThat(sleeping.await(10, TimeUnit.SECONDS)).isTrue();
        awaitQuery(database, "pg_sleep(30)");

        execute(database, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'sluice migrate'");

        DatabaseOutcome outcome = run.get(30, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOfSatisfying(DatabaseOutcome.Failed.class, failed -> {
            assertThat(failed.line()).isEqualTo(2);
            assertThat(failed.sqlState()).isEqualTo("57P01");
        });
        assertThat(column(database, "SELECT to_regclass('half_done')::text")).containsExactly((String) null);
        assertThat(history(database)).containsExactly("1 up false");
        assertThat(column(database, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).containsExactly("0");
    }

    @Test
    void aSecondRunnerWaitsForTheFirstAndThenFindsNothingToDo() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("TwoRunners");
        MigrationSet files = files("V1__slow.sql", "CREATE TABLE a (id int);\nSELECT pg_sleep(1.5);", "V2__b.sql", "CREATE TABLE b (id int);");
        CompletableFuture<DatabaseOutcome> first = CompletableFuture.supplyAsync(
                () -> RUNNER.migrate(target(database), files, fast(), RolloutListener.NONE));
        awaitQuery(database, "pg_sleep(1.5)");

        DatabaseOutcome second = RUNNER.migrate(target(database), files, fast().withLockWait(Duration.ofSeconds(30)), RolloutListener.NONE);

        assertThat(first.get(30, TimeUnit.SECONDS)).isInstanceOf(DatabaseOutcome.Migrated.class);
        assertThat(second).isEqualTo(new DatabaseOutcome.UpToDate(database.name()));
        assertThat(history(database)).containsExactly("1 up true", "2 up true");
    }

    @Test
    void aLockThatStaysHeldIsReportedWithItsHolder() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("LockHeld");
        try (Connection holder = database.connect(); Statement statement = holder.createStatement()) {
            statement.execute("SET application_name = 'sluice migrate (someone else)'");
            statement.execute("SELECT pg_advisory_lock(" + MigrationLock.KEY + ")");

            DatabaseOutcome outcome = RUNNER.migrate(target(database), files("V1__a.sql", "CREATE TABLE a (id int);"),
                    fast().withLockWait(Duration.ofMillis(500)), RolloutListener.NONE);

            assertThat(outcome).isInstanceOfSatisfying(DatabaseOutcome.Locked.class, locked -> {
                assertThat(locked.holder().applicationName()).isEqualTo("sluice migrate (someone else)");
                assertThat(locked.holder().pid()).isPositive();
                assertThat(locked.holder().describe()).contains("application_name 'sluice migrate (someone else)'", "connected since");
            });
        }
        assertThat(column(database, "SELECT to_regclass('a')::text")).containsExactly((String) null);
    }

    @Test
    void aBlockingSessionTriggersTheLockTimeoutRetriesThenTheRunSucceedsOnceItIsGone() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("LockTimeout");
        execute(database, "CREATE TABLE busy (id int)");
        MigrationSet files = files("V1__alter.sql", "-- sluice:lock-timeout 200ms\nALTER TABLE busy ADD COLUMN note text;");
        try (Connection blocker = database.connect(); Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            statement.execute("SELECT * FROM busy"); // holds ACCESS SHARE until the transaction ends

            DatabaseOutcome outcome = RUNNER.migrate(target(database), files, fast(), RolloutListener.NONE);

            assertThat(outcome).isInstanceOfSatisfying(DatabaseOutcome.Failed.class, failed -> {
                assertThat(failed.code()).isEqualTo(ErrorCode.LOCK_TIMEOUT);
                assertThat(failed.sqlState()).isEqualTo("55P03");
                assertThat(failed.message()).contains("after 3 attempts");
            });
            assertThat(history(database)).containsExactly("1 up false", "1 up false", "1 up false");
            blocker.rollback();
        }
        assertThat(RUNNER.migrate(target(database), files, fast(), RolloutListener.NONE)).isInstanceOf(DatabaseOutcome.Migrated.class);
        assertThat(history(database)).last().isEqualTo("1 up true");
    }

    @Test
    void aStatementTimeoutIsReportedAndNotRetried() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("StatementTimeout");
        MigrationSet files = files("V1__slow.sql", "-- sluice:statement-timeout 100ms\nCREATE TABLE t (id int);\nSELECT pg_sleep(2);");

        DatabaseOutcome outcome = RUNNER.migrate(target(database), files, fast(), RolloutListener.NONE);

        assertThat(outcome).isInstanceOfSatisfying(DatabaseOutcome.Failed.class, failed -> {
            assertThat(failed.sqlState()).isEqualTo("57014");
            assertThat(failed.line()).isEqualTo(3);
            assertThat(failed.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
        });
        assertThat(history(database)).containsExactly("1 up false");
        assertThat(column(database, "SELECT to_regclass('t')::text")).containsExactly((String) null);
    }

    @Test
    void aFailedConcurrentUniqueIndexLeavesAnInvalidIndexThatTheRetryDropsAndRebuilds() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("InvalidIndex");
        execute(database, "CREATE TABLE users (id int, email text); INSERT INTO users VALUES (1, 'a@x'), (2, 'a@x')");
        MigrationSet files = files("V1__unique_email.sql",
                "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON users (email);");

        DatabaseOutcome failed = RUNNER.migrate(target(database), files, fast(), RolloutListener.NONE);

        assertThat(failed).isInstanceOfSatisfying(DatabaseOutcome.Failed.class,
                outcome -> assertThat(outcome.sqlState()).isEqualTo("23505"));
        assertThat(column(database, "SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'users_email_key'::regclass"))
                .containsExactly("false");

        execute(database, "UPDATE users SET email = 'b@x' WHERE id = 2");
        DatabaseOutcome retried = RUNNER.migrate(target(database), files, fast(), RolloutListener.NONE);

        assertThat(retried).isInstanceOf(DatabaseOutcome.Migrated.class);
        assertThat(column(database, "SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'users_email_key'::regclass"))
                .as("IF NOT EXISTS did not keep the invalid index").containsExactly("true");
        assertThat(history(database)).containsExactly("1 up false", "1 up true");
    }

    /** Waits until a session of the database runs a query containing {@code text}. */
    private static void awaitQuery(TestDatabase database, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!column(database, "SELECT pid FROM pg_stat_activity WHERE query LIKE '%" + text.replace("'", "''")
                    + "%' AND pid <> pg_backend_pid()").isEmpty()) {
                return;
            }
            Thread.sleep(20); // another session's progress: nothing to wait on but the catalog
        }
        throw new AssertionError("no session ran " + text);
    }
}
