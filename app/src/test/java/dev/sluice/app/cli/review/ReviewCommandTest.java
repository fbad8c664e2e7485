package dev.sluice.app.cli.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.app.cli.CommandRun;
import dev.sluice.app.cli.ExitCode;
import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewCommandTest {

    @TempDir
    Path folder;

    private Path migrations;

    @BeforeEach
    void migrations() throws Exception {
        migrations = Files.createDirectories(folder.resolve("db/migrations"));
        Files.writeString(migrations.resolve("V1__create.sql"), "CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz);\n");
        Files.writeString(migrations.resolve("V2__index.sql"), "-- a comment\nCREATE INDEX events_at_idx ON events (at);\nCREATE INDEX accounts_email_idx ON accounts (email);\n");
        Files.writeString(migrations.resolve("U2__index.sql"), "DROP INDEX accounts_email_idx;\nDROP INDEX events_at_idx;\n");
    }

    @Test
    void textNamesFileLineRuleAndExitsOneOnErrors() {
        CommandRun run = CommandRun.of("review", migrations.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).contains(migrations.resolve("V2__index.sql") + ":3:1: error [index-not-concurrent] CREATE INDEX accounts_email_idx on accounts")
                .doesNotContain("events_at_idx on events")
                .contains("CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);")
                .contains("3 files, 5 statements: 1 error");
    }

    @Test
    void jsonFollowsTheDocumentedShape() throws Exception {
        CommandRun run = CommandRun.of("review", "--format", "json", migrations.toString());

        JsonNode json = new ObjectMapper().readTree(run.out());
        JsonNode finding = json.get("findings").get(0);
        assertThat(finding.get("rule").asText()).isEqualTo("index-not-concurrent");
        assertThat(finding.get("severity").asText()).isEqualTo("error");
        assertThat(finding.get("file").asText()).endsWith("V2__index.sql");
        assertThat(finding.get("line").asInt()).isEqualTo(3);
        assertThat(finding.get("column").asInt()).isEqualTo(1);
        assertThat(finding.get("endLine").asInt()).isEqualTo(3);
        assertThat(finding.get("message").asText()).contains("SHARE lock");
        assertThat(finding.get("hint").asText()).contains("CONCURRENTLY");
        assertThat(json.get("files")).hasSize(3);
        assertThat(json.get("files").get(0).get("transactional").asBoolean()).isTrue();
        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
    }

    @Test
    void downScriptsAreReviewedAfterTheUpsNewestFirst() throws Exception {
        JsonNode json = new ObjectMapper().readTree(CommandRun.of("review", "--format", "json", migrations.toString()).out());
        assertThat(json.get("files").get(2).get("file").asText()).endsWith("U2__index.sql");
        assertThat(json.get("findings").findValuesAsText("rule"))
                .as("an index dropped on rollback is not new, even though an up script created it")
                .containsExactly("index-not-concurrent", "drop-index-not-concurrent", "drop-index-not-concurrent");
    }

    @Test
    void sarifIsVersion210WithRulesAndLocations() throws Exception {
        JsonNode sarif = new ObjectMapper().readTree(CommandRun.of("review", "--format", "sarif", migrations.toString()).out());

        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.get("runs").get(0);
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("sluice");
        assertThat(run.at("/tool/driver/rules").findValuesAsText("id")).contains("index-not-concurrent", "drop-table");
        JsonNode result = run.get("results").get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo("index-not-concurrent");
        assertThat(result.get("level").asText()).isEqualTo("error");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);
    }

    @Test
    void markdownIsTheCommentBody() {
        CommandRun run = CommandRun.of("review", "--format", "markdown", migrations.toString());
        assertThat(run.out()).startsWith("### SQL review: 1 error")
                .contains("V2__index.sql` — one transaction")
                .contains(":x: **error** `index-not-concurrent` line 3")
                .contains("```sql\n  CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);");
    }

    @Test
    void theEnvironmentChoosesTheRuleSetAndOverridesApply() throws Exception {
        Path config = Files.writeString(folder.resolve("sluice.yaml"), """
                migrations: db/migrations
                environments:
                  - name: dev
                    review: { index-not-concurrent: warning }
                  - name: prod
                    review: strict
                rules: { require-concurrent-index: error, drop-index-not-concurrent: off }
                """);

        CommandRun dev = CommandRun.of("review", "--config", config.toString(), "--env", "dev", migrations.toString());
        assertThat(dev.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(dev.out()).contains("warning [index-not-concurrent]").doesNotContain("drop-index-not-concurrent");

        CommandRun prod = CommandRun.of("review", "--config", config.toString(), "--env", "prod", migrations.toString());
        assertThat(prod.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(prod.out()).contains("error [index-not-concurrent]");
    }

    @Test
    void statsFromALiveDatabaseAddSizesAndKnowCurrentTypes() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("ReviewCommandStats");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE accounts (id bigint PRIMARY KEY, email varchar(100));
                    INSERT INTO accounts SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 20000) g;
                    ANALYZE accounts;
                    """);
        }
        Path widen = Files.writeString(folder.resolve("V3__widen.sql"), "ALTER TABLE accounts ALTER COLUMN email TYPE varchar(200);\n"
                + "ALTER TABLE accounts ALTER COLUMN email TYPE varchar(50);\n");
        String url = database.jdbcUrl() + "?user=" + database.username() + "&password=" + database.password();

        CommandRun run = CommandRun.of("review", "--stats", url, widen.toString());

        assertThat(run.out()).contains(":2:22: error [alter-column-type-rewrite] Changing accounts.email from varchar(200) to varchar(50)")
                .contains("Live statistics: accounts has ~20k rows")
                .doesNotContain(":1:");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anUnreachableStatsDatabaseIsAWarningAndTheReviewGoesOn() {
        CommandRun run = CommandRun.of("review", "--stats", "jdbc:postgresql://localhost:1/x?user=u&password=secret",
                migrations.toString());
        assertThat(run.err()).startsWith("sluice: warning: could not read the live schema from jdbc:postgresql://localhost:1/x?user=u&password=***")
                .doesNotContain("secret");
        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).contains("index-not-concurrent");
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws Exception {
        Path broken = Files.write(folder.resolve("V9__broken.sql"), new byte[] {'S', 'E', 'L', (byte) 0xC3, 0x28});
        CommandRun run = CommandRun.of("review", broken.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("sluice: " + broken + ": invalid UTF-8 at byte offset 3 (save the file as UTF-8)\n");

        assertThat(CommandRun.of("review", folder.resolve("missing.sql").toString()).err()).contains("no such file or folder");
        assertThat(CommandRun.of("review", "--format", "xml", migrations.toString()).err()).contains("--format xml is not one of");
        Path badConfig = Files.writeString(folder.resolve("bad.yaml"), "rules: { no-such-rule: error }");
        CommandRun unknownRule = CommandRun.of("review", "--config", badConfig.toString(), migrations.toString());
        assertThat(unknownRule.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknownRule.err()).contains("unknown rule 'no-such-rule'");
    }
}
