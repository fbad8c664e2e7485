package dev.sluice.rollout.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/** Database targets reached with the PostgreSQL JDBC driver. */
public final class JdbcTargets {

    private JdbcTargets() {
    }

    /**
     * A target at {@code jdbcUrl}; user and password may also be in the URL. Connections are
     * named {@code sluice <purpose>} in pg_stat_activity, so a held lock can be traced to its runner.
     */
    public static DatabaseTarget of(String name, String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        return new DatabaseTarget(name, purpose -> {
            Properties properties = new Properties();
            if (user != null) {
                properties.setProperty("user", user);
            }
            if (password != null) {
                properties.setProperty("password", password);
            }
            properties.setProperty("ApplicationName", "sluice " + purpose);
            properties.setProperty("connectTimeout", "10");
            // A dead runner's session (and its advisory lock) must not outlive it for hours: the
            // driver probes the server, and the server is asked to probe us.
            properties.setProperty("tcpKeepAlive", "true");
            Connection connection = DriverManager.getConnection(jdbcUrl, properties);
            try {
                ServerKeepalive.ask(connection);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            return connection;
        });
    }

    /** The same server URL pointing at another database (for database groups). */
    public static String withDatabase(String jdbcUrl, String database) {
        int start = jdbcUrl.indexOf("//");
        int slash = jdbcUrl.indexOf('/', start < 0 ? 0 : start + 2);
        if (slash < 0) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host/database URL: " + redact(jdbcUrl));
        }
        int query = jdbcUrl.indexOf('?', slash);
        return jdbcUrl.substring(0, slash + 1) + database + (query < 0 ? "" : jdbcUrl.substring(query));
    }

    /** The URL without any password, for messages. */
    public static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^/@:]+):[^/@]*@", "$1:***@");
    }
}
