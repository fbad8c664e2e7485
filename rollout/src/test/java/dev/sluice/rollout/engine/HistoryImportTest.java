package dev.sluice.rollout.engine;

import static dev.sluice.rollout.engine.EngineFixtures.RUNNER;
import static dev.sluice.rollout.engine.EngineFixtures.column;
import static dev.sluice.rollout.engine.EngineFixtures.execute;
import static dev.sluice.rollout.engine.EngineFixtures.fast;
import static dev.sluice.rollout.engine.EngineFixtures.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryImportTest {

    private final HistoryImport adoption = new HistoryImport(RUNNER, Clock.systemUTC());

    @TempDir
    Path folder;

    @Test
    void adoptingAFlywayDatabaseAppliesOnlyWhatFlywayHadNot() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("AdoptFlyway");
        Path migrations = Files.createDirectories(folder.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__accounts.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY);\r\n-- comment\r\n");
        Files.writeString(migrations.resolve("V2__orders.sql"), "\uFEFFCREATE TABLE orders (id bigint PRIMARY KEY);\n");
        Flyway.configure().dataSource(database.dataSource()).locations("filesystem:" + migrations).load().migrate();
        Files.writeString(migrations.resolve("V3__invoices.sql"), "CREATE TABLE invoices (id bigint PRIMARY KEY);\n");
        MigrationSet files = EngineFixtures.RESOLVER.resolve(migrations);

        DatabaseOutcome adopted = adoption.adopt(target(database), HistoryImport.Tool.FLYWAY, files, fast(), RolloutListener.NONE);
        DatabaseOutcome migrated = RUNNER.migrate(target(database), files, fast(), RolloutListener.NONE);

        assertThat(adopted).isInstanceOfSatisfying(DatabaseOutcome.Migrated.class,
                outcome -> assertThat(outcome.steps()).extracting(step -> step.version().text()).containsExactly("1", "2"));
        assertThat(migrated).isInstanceOfSatisfying(DatabaseOutcome.Migrated.class,
                outcome -> assertThat(outcome.steps()).extracting(step -> step.version().text()).containsExactly("3"));
        assertThat(column(database, "SELECT version || ' ' || coalesce(release, '-') FROM sluice.schema_history ORDER BY installed_rank"))
                .containsExactly("1 adopted from flyway", "2 adopted from flyway", "3 -");
    }

    @Test
    void aFileThatIsNotWhatFlywayAppliedStopsTheAdoption() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("AdoptFlywayChanged");
        Path migrations = Files.createDirectories(folder.resolve("changed"));
        Files.writeString(migrations.resolve("V1__accounts.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY);\n");
        Flyway.configure().dataSource(database.dataSource()).locations("filesystem:" + migrations).load().migrate();
        Files.writeString(migrations.resolve("V1__accounts.sql"), "CREATE TABLE accounts (id int PRIMARY KEY);\n");

        DatabaseOutcome outcome = adoption.adopt(target(database), HistoryImport.Tool.FLYWAY,
                EngineFixtures.RESOLVER.resolve(migrations), fast(), RolloutListener.NONE);

        assertThat(outcome).isInstanceOfSatisfying(DatabaseOutcome.Invalid.class, invalid ->
                assertThat(invalid.problems()).singleElement().asString().startsWith("V1__accounts.sql is not the file Flyway applied"));
        assertThat(column(database, "SELECT count(*) FROM sluice.schema_history")).containsExactly("0");
    }

    @Test
    void adoptsGolangMigrateAndDbmateHistories() throws Exception {
        MigrationSet files = EngineFixtures.files(
                "1_accounts.up.sql", "CREATE TABLE accounts (id int);", "1_accounts.down.sql", "DROP TABLE accounts;",
                "2_orders.up.sql", "CREATE TABLE orders (id int);",
                "3_invoices.up.sql", "CREATE TABLE invoices (id int);");

        TestDatabase golang = SharedPostgres.newDatabase("AdoptGolangMigrate");
        execute(golang, "CREATE TABLE accounts (id int); CREATE TABLE orders (id int);"
                + " CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);"
                + " INSERT INTO schema_migrations VALUES (2, false)");
        assertThat(adoption.adopt(target(golang), HistoryImport.Tool.GOLANG_MIGRATE, files, fast(), RolloutListener.NONE))
                .isInstanceOf(DatabaseOutcome.Migrated.class);
        assertThat(RUNNER.migrate(target(golang), files, fast(), RolloutListener.NONE))
                .isInstanceOfSatisfying(DatabaseOutcome.Migrated.class, outcome ->
                        assertThat(outcome.steps()).extracting(Step::script).containsExactly("3_invoices.up.sql"));

        TestDatabase dirty = SharedPostgres.newDatabase("AdoptGolangMigrateDirty");
        execute(dirty, "CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);"
                + " INSERT INTO schema_migrations VALUES (2, true)");
        assertThat(adoption.adopt(target(dirty), HistoryImport.Tool.GOLANG_MIGRATE, files, fast(), RolloutListener.NONE))
                .isInstanceOfSatisfying(DatabaseOutcome.Invalid.class, invalid ->
                        assertThat(invalid.problems()).singleElement().asString().contains("dirty at version 2"));

        TestDatabase dbmate = SharedPostgres.newDatabase("AdoptDbmate");
        execute(dbmate, "CREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY); INSERT INTO schema_migrations VALUES ('1'), ('3')");
        assertThat(adoption.adopt(target(dbmate), HistoryImport.Tool.DBMATE, files, fast(), RolloutListener.NONE))
                .isInstanceOf(DatabaseOutcome.Migrated.class);
        assertThat(RUNNER.status(target(dbmate), files)).extracting(status -> status.version() + " " + status.state().label())
                .containsExactly("1 applied", "2 out-of-order", "3 applied");
    }
}
