package dev.sluice.app.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.cli.CommandRun;
import dev.sluice.app.cli.ExitCode;
import dev.sluice.embedded.EmbeddedPostgres;
import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateCommandsTest {

    @TempDir
    Path folder;

    private Path migrations;

    @BeforeEach
    void migrations() throws Exception {
        migrations = Files.createDirectories(folder.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__accounts.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n");
        Files.writeString(migrations.resolve("V2__index.sql"), "CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);\n");
        Files.writeString(migrations.resolve("U2__index.sql"), "DROP INDEX CONCURRENTLY accounts_email_idx;\n");
    }

    private static String[] target(TestDatabase database, String... more) {
        String[] base = {"--url", database.jdbcUrl(), "--user", database.username(), "--password", database.password()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private CommandRun run(String command, TestDatabase database, String... more) {
        String[] options = target(database, more);
        String[] args = new String[options.length + 3];
        args[0] = command;
        args[1] = "--dir";
        args[2] = migrations.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return CommandRun.of(args);
    }

    @Test
    void migrateStatusRollbackAndDryRun() {
        TestDatabase database = SharedPostgres.newDatabase("CliMigrate");

        CommandRun dryRun = run("migrate", database, "--dry-run");
        assertThat(dryRun.out()).isEqualTo(database.name() + ": would apply V1__accounts.sql (one transaction), V2__index.sql"
                + " (statement by statement: CREATE INDEX CONCURRENTLY cannot run inside a transaction block (line 1))\n");

        CommandRun migrate = run("migrate", database);
        assertThat(migrate.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(migrate.out()).matches(database.name() + ": applied V1__accounts.sql \\(\\d+ ms\\), V2__index.sql \\(\\d+ ms\\)\n");
        assertThat(run("migrate", database).out()).isEqualTo(database.name() + ": up to date\n");

        CommandRun status = run("status", database);
        assertThat(status.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(status.out()).startsWith(database.name() + "\n").containsPattern("  1 +applied +V1__accounts.sql +\\d{4}-\\d\\d-\\d\\d");

        CommandRun rollback = run("rollback", database, "--to", "1");
        assertThat(rollback.out()).startsWith(database.name() + ": applied U2__index.sql");
        assertThat(run("status", database).out()).containsPattern("  2 +pending +V2__index.sql");
        assertThat(migrate.out() + status.out() + rollback.out()).doesNotContain(database.password());
    }

    @Test
    void aGroupReportsEachDatabaseAndExitsOneWhenOneFails() throws Exception {
        EmbeddedPostgres server = SharedPostgres.server();
        String prefix = "cli_tenant_" + ProcessHandle.current().pid() + "_";
        for (int i = 0; i < 5; i++) {
            server.createDatabaseIfMissing(prefix + i);
        }
        try (Connection connection = server.connect(prefix + 3); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE accounts (id int)");
        }
        TestDatabase anyDatabase = new TestDatabase("postgres", server.jdbcUrl("postgres"), server.username(), server.password());

        CommandRun run = run("migrate", anyDatabase, "--databases", prefix + "%", "--parallel", "2", "--waves", "1,100%");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).contains(prefix + "3: FAILED V1__accounts.sql line 1: SQLSTATE 42P07: relation \"accounts\" already exists")
                .contains("5 databases: 4 migrated, 0 up to date, 1 failed");
        for (int i = 0; i < 5; i++) {
            server.dropDatabase(prefix + i);
        }
    }

    @Test
    void everyMigrationCommandAnswersHelpEvenBaselineWhoseVersionOptionIsTheBaselineVersion() {
        for (String command : new String[] {"migrate", "status", "rollback", "baseline"}) {
            CommandRun help = CommandRun.of(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).startsWith("Usage: sluice " + command);
        }
    }

    @Test
    void baselineThenMigrateAppliesOnlyNewerVersions() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("CliBaseline");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, email text)");
        }
        assertThat(run("baseline", database, "--version", "1").out()).startsWith(database.name() + ": applied << baseline >>");
        assertThat(run("migrate", database).out()).startsWith(database.name() + ": applied V2__index.sql");
    }

    @Test
    void badInputIsAUsageErrorInOneLine() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("CliBadInput");
        Files.writeString(migrations.resolve("V3_missing_underscore.sql"), "SELECT 1;");

        CommandRun run = run("migrate", database);

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("sluice: V3_missing_underscore.sql is not a migration file name: use"
                + " V<version>__<description>.sql (down: U<version>__<description>.sql) or <version>_<description>.up.sql / .down.sql\n");
        assertThat(CommandRun.of("baseline", "--url", database.jdbcUrl(), "--adopt", "liquibase").err())
                .isEqualTo("sluice: --adopt liquibase is not one of flyway, golang-migrate, dbmate\n");
        assertThat(CommandRun.of("migrate", "--dir", migrations.toString(), "--url", database.jdbcUrl(), "--to", "x.y").exitCode())
                .isEqualTo(ExitCode.USAGE);
    }
}
