package dev.sluice.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@PostgresTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresExtensionTest {

    @Test
    @Order(1)
    void givesTheClassADatabaseNamedAfterIt(TestDatabase database) throws SQLException {
        assertThat(queryString(database, "SELECT current_database()")).startsWith("t_postgresextensiontest_");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE marker(owner text); INSERT INTO marker VALUES ('extension-test')");
        }
    }

    @Test
    @Order(2)
    void laterMethodsOfTheSameClassSeeTheSameDatabase(TestDatabase database) throws SQLException {
        assertThat(queryString(database, "SELECT owner FROM marker")).isEqualTo("extension-test");
    }

    @Test
    void neverPrintsThePassword(TestDatabase database) {
        assertThat(database.toString()).contains(database.jdbcUrl()).doesNotContain(database.password());
    }

    @Test
    void databaseNamesStayWithinPostgresLimits() {
        String name = SharedPostgres.databaseName("A".repeat(200) + "Test", 7);
        assertThat(name).hasSizeLessThanOrEqualTo(63).startsWith("t_aaa").endsWith("_7").matches("[a-z0-9_]+");
    }

    static String queryString(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
