package dev.sluice.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** A database of its own for one test class, on a real PostgreSQL server. */
public record TestDatabase(String name, String jdbcUrl, String username, String password) {

    public TestDatabase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(username);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** The first column of the first row of {@code sql} as a number, such as a {@code count(*)}. */
    public int queryInt(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            if (!row.next()) {
                throw new IllegalStateException("no row from " + sql);
            }
            return row.getInt(1);
        }
    }

    /** The JDBC URL of another database on the same server. */
    public String jdbcUrlOf(String database) {
        return jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1) + database;
    }

    /** Properties that point a Micronaut application's default datasource at this database. */
    public java.util.Map<String, String> micronautDatasource() {
        return java.util.Map.of(
                "datasources.default.url", jdbcUrl,
                "datasources.default.username", username,
                "datasources.default.password", password,
                "datasources.default.driver-class-name", "org.postgresql.Driver");
    }

    @Override
    public String toString() {
        return "TestDatabase[" + jdbcUrl + "]"; // never the password
    }
}
