package dev.sluice.review.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.ColumnDefinition;
import dev.sluice.review.model.DefaultValue;
import dev.sluice.review.model.QualifiedName;
import dev.sluice.review.model.Statement;
import dev.sluice.review.model.TableConstraint;
import dev.sluice.review.model.TypeName;
import dev.sluice.review.sql.SplitFile;
import dev.sluice.review.sql.StatementSplitter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatementRecognizerTest {

    private final StatementRecognizer recognizer = new StatementRecognizer();

    private Statement read(String sql) {
        SplitFile file = StatementSplitter.split(sql);
        return recognizer.recognize(file.statements().getFirst(), file.statements().getFirst().text(file.source()));
    }

    @Test
    void readsCreateTableColumnsTypesAndConstraints() {
        Statement.CreateTable table = (Statement.CreateTable) read("""
                CREATE TABLE IF NOT EXISTS Billing.Invoices (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                    amount numeric(12, 2) DEFAULT 0 NOT NULL,
                    note character varying(200),
                    issued_at timestamp(3) with time zone DEFAULT now(),
                    tags text[],
                    CONSTRAINT invoices_amount_check CHECK (amount >= 0),
                    UNIQUE (customer_id, issued_at)
                )""");

        assertThat(table.table()).isEqualTo(new QualifiedName("billing", "invoices"));
        assertThat(table.ifNotExists()).isTrue();
        assertThat(table.columns()).extracting(ColumnDefinition::name)
                .containsExactly("id", "customer_id", "amount", "note", "issued_at", "tags");
        assertThat(table.columns()).extracting(column -> column.type().toString())
                .containsExactly("bigint", "integer", "numeric(12,2)", "varchar(200)", "timestamptz(3)", "text[]");
        assertThat(table.columns().get(0).identity()).isTrue();
        assertThat(table.columns().get(0).primaryKey()).isTrue();
        assertThat(table.columns().get(1).references()).contains(QualifiedName.of("customers"));
        assertThat(table.columns().get(2).notNull()).isTrue();
        assertThat(table.columns().get(2).defaultValue()).map(DefaultValue::text).contains("0");
        assertThat(table.constraints()).extracting(TableConstraint::kind)
                .containsExactly(TableConstraint.Kind.CHECK, TableConstraint.Kind.UNIQUE);
        assertThat(table.constraints().get(0).expression()).isEqualTo("amount >= 0");
    }

    @Test
    void readsEveryAlterTableSubCommandWithItsOffset() {
        String sql = "ALTER TABLE ONLY public.orders ADD COLUMN IF NOT EXISTS status text DEFAULT 'new',"
                + " ALTER COLUMN total TYPE numeric(14,2) USING total::numeric, ALTER total SET NOT NULL,"
                + " ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID,"
                + " VALIDATE CONSTRAINT orders_total_check, DROP COLUMN legacy CASCADE, SET LOGGED";
        Statement.AlterTable alter = (Statement.AlterTable) read(sql);

        assertThat(alter.table()).isEqualTo(new QualifiedName("public", "orders"));
        assertThat(alter.actions()).extracting(action -> action.getClass().getSimpleName()).containsExactly(
                "AddColumn", "AlterColumnType", "SetNotNull", "AddConstraint", "ValidateConstraint", "DropColumn", "RewriteTable");
        assertThat(alter.actions().get(0).offset()).isEqualTo(sql.indexOf("ADD COLUMN"));
        AlterAction.AlterColumnType change = (AlterAction.AlterColumnType) alter.actions().get(1);
        assertThat(change.type()).isEqualTo(new TypeName("numeric", List.of("14", "2"), false));
        assertThat(change.using()).isTrue();
        AlterAction.AddConstraint fk = (AlterAction.AddConstraint) alter.actions().get(3);
        assertThat(fk.constraint().notValid()).isTrue();
        assertThat(fk.constraint().references()).contains(QualifiedName.of("customers"));
        assertThat(((AlterAction.DropColumn) alter.actions().get(5)).cascade()).isTrue();
    }

    @Test
    void readsRenamesAndPartitions() {
        assertThat(read("ALTER TABLE a RENAME TO b")).isEqualTo(new Statement.AlterTable(QualifiedName.of("a"), false,
                List.of(new AlterAction.RenameTable(14, "b"))));
        assertThat(((Statement.AlterTable) read("ALTER TABLE a RENAME COLUMN x TO y")).actions().getFirst())
                .isEqualTo(new AlterAction.RenameColumn(14, "x", "y"));
        assertThat(((Statement.AlterTable) read("ALTER TABLE m DETACH PARTITION m_2020 CONCURRENTLY")).actions().getFirst())
                .isInstanceOfSatisfying(AlterAction.DetachPartition.class, detach -> assertThat(detach.concurrently()).isTrue());
    }

    @Test
    void readsIndexesWithConcurrentlyAndPartialClauses() {
        assertThat(read("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON users USING btree (lower(email)) WHERE deleted_at IS NULL"))
                .isEqualTo(new Statement.CreateIndex(java.util.Optional.of("users_email_key"), QualifiedName.of("users"),
                        true, true, true, List.of("lower"), true));
        assertThat(read("DROP INDEX CONCURRENTLY IF EXISTS a, b")).isEqualTo(new Statement.DropIndex(
                List.of(QualifiedName.of("a"), QualifiedName.of("b")), true, true, false));
    }

    @Test
    void classifiesDefaultsByVolatility() {
        assertThat(defaultOf("now()")).isEqualTo(DefaultValue.Volatility.CONSTANT);
        assertThat(defaultOf("'{}'::jsonb")).isEqualTo(DefaultValue.Volatility.CONSTANT);
        assertThat(defaultOf("gen_random_uuid()")).isEqualTo(DefaultValue.Volatility.VOLATILE);
        assertThat(defaultOf("clock_timestamp()")).isEqualTo(DefaultValue.Volatility.VOLATILE);
        assertThat(defaultOf("my_function(1)")).isEqualTo(DefaultValue.Volatility.UNKNOWN);
    }

    private DefaultValue.Volatility defaultOf(String expression) {
        Statement.AlterTable alter = (Statement.AlterTable) read("ALTER TABLE t ADD COLUMN c text DEFAULT " + expression);
        return ((AlterAction.AddColumn) alter.actions().getFirst()).column().defaultValue().orElseThrow().volatility();
    }

    @Test
    void readsDataChangesTransactionsAndSettings() {
        assertThat(read("UPDATE ONLY accounts SET flag = true")).isEqualTo(new Statement.Update(QualifiedName.of("accounts"), false));
        assertThat(read("WITH old AS (SELECT id FROM a) DELETE FROM a WHERE id IN (SELECT id FROM old)"))
                .isEqualTo(new Statement.Delete(QualifiedName.of("a"), true));
        assertThat(read("UPDATE t SET x = (SELECT y FROM u WHERE u.id = t.id)"))
                .as("a WHERE inside a sub-select is not the UPDATE's").isEqualTo(new Statement.Update(QualifiedName.of("t"), false));
        assertThat(read("START TRANSACTION ISOLATION LEVEL SERIALIZABLE"))
                .isEqualTo(new Statement.Transaction(Statement.Transaction.Control.BEGIN));
        assertThat(read("SET LOCAL lock_timeout = '5s'")).isEqualTo(new Statement.SetParameter("lock_timeout", "5s", true));
        assertThat(read("VACUUM (FULL, ANALYZE) big_table")).isEqualTo(new Statement.Vacuum(true, List.of(QualifiedName.of("big_table"))));
        assertThat(read("REINDEX (VERBOSE) INDEX CONCURRENTLY idx")).isEqualTo(new Statement.Reindex("index", QualifiedName.of("idx"), true));
        assertThat(read("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'calm' AFTER 'ok'"))
                .isEqualTo(new Statement.AlterTypeAddValue(QualifiedName.of("mood"), "calm"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO t VALUES (1)", "GRANT SELECT ON t TO reader", "COMMENT ON TABLE t IS 'x'",
        "CREATE SEQUENCE s", "CREATE EXTENSION IF NOT EXISTS pgcrypto", "SELECT 1", "CREATE SCHEMA app",
        "CREATE TYPE mood AS ENUM ('a', 'b')", "CREATE TRIGGER trg AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()",
    })
    void knowsHarmlessStatements(String sql) {
        assertThat(read(sql)).isInstanceOf(Statement.Known.class);
    }

    @Test
    void handsUnknownFormsToTheFallbackAndNeverThrows() {
        assertThat(read("FROBNICATE the database")).isInstanceOf(Statement.Unreadable.class);
        assertThat(read("CREATE TABLE (")).isInstanceOf(Statement.Unreadable.class);
        assertThat(read("ALTER TABLE")).isInstanceOf(Statement.Unreadable.class);
    }
}
