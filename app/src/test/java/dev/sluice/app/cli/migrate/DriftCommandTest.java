package dev.sluice.app.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.cli.CommandRun;
import dev.sluice.app.cli.ExitCode;
import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftCommandTest {

    @TempDir
    Path folder;

    private CommandRun run(String command, TestDatabase database, String... more) {
        String[] base = {command, "--dir", folder.toString(), "--url", database.jdbcUrl(), "--user", database.username(), "--password",
                database.password()};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CommandRun.of(args);
    }

    @Test
    void reportsAnOutOfBandChangeInWordsWithTheSqlBackAndAcceptRecordsTheLiveSchema() throws Exception {
        Files.writeString(folder.resolve("V1__accounts.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n");
        TestDatabase database = SharedPostgres.newDatabase("CliDrift");

        CommandRun nothing = run("drift", database);
        assertThat(nothing.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(nothing.out()).contains("no recorded schema");

        assertThat(run("migrate", database).exitCode()).isEqualTo(ExitCode.OK);
        CommandRun clean = run("drift", database);
        assertThat(clean.exitCode()).as(clean.out()).isEqualTo(ExitCode.OK);
        assertThat(clean.out()).startsWith(database.name() + ": no drift");

        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE accounts ADD COLUMN age integer");
        }
        CommandRun drifted = run("drift", database);
        assertThat(drifted.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(drifted.out()).contains("- column public.accounts.age added: integer")
                .contains("ALTER TABLE public.accounts DROP COLUMN age;");

        CommandRun accept = run("drift", database, "--accept");
        assertThat(accept.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(accept.out()).isEqualTo(database.name() + ": the live schema is now the recorded one (1 difference accepted)\n");
        assertThat(run("drift", database).exitCode()).isEqualTo(ExitCode.OK);
    }
}
