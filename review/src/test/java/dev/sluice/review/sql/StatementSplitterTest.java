package dev.sluice.review.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatementSplitterTest {

    private static List<String> statements(String sql) {
        SplitFile file = StatementSplitter.split(sql);
        return file.statements().stream().map(statement -> statement.text(file.source())).toList();
    }

    @Test
    void splitsOnSemicolonsAndKeepsExactPositions() {
        String sql = "CREATE TABLE a (id int);\n\n  ALTER TABLE a\n    ADD COLUMN b text;\nSELECT 1";
        SplitFile file = StatementSplitter.split(sql);

        assertThat(statements(sql)).containsExactly("CREATE TABLE a (id int);", "ALTER TABLE a\n    ADD COLUMN b text;", "SELECT 1");
        SqlStatement alter = file.statements().get(1);
        assertThat(file.source().line(alter.start())).isEqualTo(3);
        assertThat(file.source().column(alter.start())).isEqualTo(3);
        assertThat(file.source().line(alter.end() - 1)).isEqualTo(4);
    }

    static Stream<Arguments> tricky() {
        return Stream.of(
                Arguments.of("dollar quotes", "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; SELECT 2; $$ LANGUAGE sql; SELECT 3", 2),
                Arguments.of("tagged dollar quotes", "DO $body$ BEGIN RAISE NOTICE 'a;$$;b'; END $body$; SELECT 1", 2),
                Arguments.of("E strings with escaped quotes", "INSERT INTO t VALUES (E'it\\'s; fine'); SELECT 1", 2),
                Arguments.of("doubled quotes", "INSERT INTO t VALUES ('it''s; fine'); SELECT 1", 2),
                Arguments.of("quoted identifiers", "CREATE TABLE \"semi;colon\" (\"a\"\"b;\" int); SELECT 1", 2),
                Arguments.of("nested block comments", "/* outer /* inner; */ still comment; */ SELECT 1; SELECT 2", 2),
                Arguments.of("line comments", "SELECT 1; -- a comment; with semicolons\nSELECT 2", 2),
                Arguments.of("parentheses", "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO u VALUES (1); INSERT INTO v VALUES (2)); SELECT 1", 2),
                Arguments.of("positional parameters are not dollar quotes", "PREPARE p AS SELECT $1; SELECT 2", 2),
                Arguments.of("dollar inside identifiers", "SELECT a$b$c FROM t; SELECT 2", 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tricky")
    void neverSplitsInside(String what, String sql, int expected) {
        assertThat(statements(sql)).as(what).hasSize(expected);
    }

    @Test
    void keepsStandardFunctionBodiesWhole() {
        String sql = """
                CREATE FUNCTION add(a int, b int) RETURNS int
                LANGUAGE sql
                BEGIN ATOMIC
                  SELECT CASE WHEN a > 0 THEN a ELSE 0 END;
                  SELECT a + b;
                END;
                CREATE TABLE after_function (id int);
                """;
        assertThat(statements(sql)).hasSize(2);
        assertThat(statements(sql).get(1)).startsWith("CREATE TABLE after_function");
    }

    @Test
    void foldsUnquotedWordsAndKeepsQuotedNames() {
        SplitFile file = StatementSplitter.split("ALTER TABLE Orders ADD \"CamelCase\" int");
        List<Token> tokens = file.statements().getFirst().tokens();
        assertThat(tokens.get(2)).extracting(Token::kind, Token::text).containsExactly(TokenKind.WORD, "orders");
        assertThat(tokens.get(4)).extracting(Token::kind, Token::text).containsExactly(TokenKind.QUOTED_IDENTIFIER, "CamelCase");
    }

    @Test
    void keepsPsqlMetaCommandsApart() {
        SplitFile file = StatementSplitter.split("\\set ON_ERROR_STOP on\nCREATE TABLE t (id int);\n\\i other.sql\nSELECT 1;");

        assertThat(file.metaCommands()).extracting(PsqlMetaCommand::text).containsExactly("\\set ON_ERROR_STOP on", "\\i other.sql");
        assertThat(file.statements()).hasSize(2);
    }

    @Test
    void reportsUnclosedQuotesAndCommentsWithoutThrowing() {
        assertThat(StatementSplitter.split("SELECT 'oops;").problems()).extracting(LexicalProblem::message)
                .containsExactly("string constant is never closed");
        assertThat(StatementSplitter.split("SELECT 1; /* never /* closed */").problems()).extracting(LexicalProblem::offset)
                .containsExactly(10);
        assertThat(StatementSplitter.split("DO $x$ BEGIN").problems()).hasSize(1);
        assertThat(StatementSplitter.split("CREATE TABLE \"open (id int)").problems()).hasSize(1);
    }

    @Test
    void keepsCommentsForDirectives() {
        SplitFile file = StatementSplitter.split("-- sluice:ignore drop-table\nDROP TABLE t;");
        assertThat(file.comments()).extracting(Comment::text).containsExactly("sluice:ignore drop-table");
    }

    @Test
    void neverThrowsOnArbitraryInput() {
        Random random = new Random(42);
        String alphabet = "abc $'\"\\;()/*-\nE_1.:";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(40); j > 0; j--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            SplitFile file = StatementSplitter.split(text.toString());
            for (SqlStatement statement : file.statements()) {
                assertThat(statement.start()).isBetween(0, text.length());
                assertThat(statement.end()).isBetween(statement.start(), text.length());
            }
        }
    }
}
