package dev.sluice.rollout.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.review.model.QualifiedName;
import dev.sluice.review.model.TypeName;
import dev.sluice.review.schema.SchemaCatalog;
import dev.sluice.review.schema.TableInfo;
import dev.sluice.testsupport.PostgresTest;
import dev.sluice.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

@PostgresTest
class LiveSchemaCatalogTest {

    @Test
    void readsTablesColumnsChecksIndexesAndSizes(TestDatabase database) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE SCHEMA billing;
                    CREATE TABLE accounts (id bigint PRIMARY KEY, email varchar(120), name text NOT NULL, score numeric(10,2));
                    INSERT INTO accounts SELECT g, 'a' || g || '@example.com', 'n' || g, g FROM generate_series(1, 5000) g;
                    ALTER TABLE accounts ADD CONSTRAINT accounts_email_not_null CHECK (email IS NOT NULL);
                    CREATE INDEX accounts_name_score_idx ON accounts (name, score);
                    CREATE TABLE billing.invoices (id bigint, tags text[], at timestamp(3) with time zone);
                    ANALYZE accounts;
                    """);

            SchemaCatalog catalog = LiveSchemaCatalog.load(connection);

            TableInfo accounts = catalog.table(QualifiedName.of("accounts")).orElseThrow();
            assertThat(accounts.estimatedRows()).isEqualTo(5000);
            assertThat(accounts.totalBytes()).isGreaterThan(300_000);
            assertThat(accounts.columns().get("email")).isEqualTo(new TableInfo.ColumnInfo(new TypeName("varchar", List.of("120"), false), false));
            assertThat(accounts.columns().get("name").notNull()).isTrue();
            assertThat(accounts.columns().get("score").type()).isEqualTo(new TypeName("numeric", List.of("10", "2"), false));
            assertThat(accounts.notNullChecks()).containsExactly("email");
            assertThat(accounts.indexedColumnSets()).containsExactlyInAnyOrder("id", "name,score");
            assertThat(catalog.table(new QualifiedName("public", "accounts"))).isPresent();

            TableInfo invoices = catalog.table(new QualifiedName("billing", "invoices")).orElseThrow();
            assertThat(invoices.columns().get("tags").type()).isEqualTo(new TypeName("text", List.of(), true));
            assertThat(invoices.columns().get("at").type().name()).isEqualTo("timestamptz");
            assertThat(catalog.table(QualifiedName.of("invoices"))).as("not in the public schema").isEmpty();
        }
    }
}
