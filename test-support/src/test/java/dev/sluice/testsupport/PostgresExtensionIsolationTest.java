package dev.sluice.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Runs beside {@link PostgresExtensionTest} on the same server: the same table name must not collide. */
@PostgresTest
class PostgresExtensionIsolationTest {

    @Test
    void anotherClassGetsAnEmptyDatabaseOfItsOwn(TestDatabase database) throws SQLException {
        assertThat(PostgresExtensionTest.queryString(database, "SELECT current_database()"))
                .startsWith("t_postgresextensionisolationtest_");
        assertThat(PostgresExtensionTest.queryString(database,
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isEqualTo("0");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE marker(owner text)");
        }
    }
}
