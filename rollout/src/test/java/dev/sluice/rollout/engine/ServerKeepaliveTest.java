package dev.sluice.rollout.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testsupport.PostgresTest;
import dev.sluice.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A target session asks the server to notice within about a minute when Sluice's side is gone. */
@PostgresTest
class ServerKeepaliveTest {

    @Test
    void aTargetSessionIsProbedAfterHalfAMinuteOfSilence(TestDatabase database) throws SQLException {
        DatabaseTarget target = JdbcTargets.of("dev", database.jdbcUrl(), database.username(), database.password());
        try (Connection connection = target.connections().open("test")) {
            assertThat(setting(connection, "tcp_keepalives_idle")).isEqualTo("30");
            assertThat(setting(connection, "tcp_keepalives_interval")).isEqualTo("10");
            assertThat(setting(connection, "tcp_keepalives_count")).isEqualTo("3");
            assertThat(connection.getAutoCommit()).as("left as the driver opened it").isTrue();
        }
        assertThat(ServerKeepalive.DEAD_PEER_NOTICED).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aPlainSessionKeepsTheServerDefault(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            assertThat(setting(connection, "tcp_keepalives_idle")).as("the operating system's default, two hours on Linux")
                    .isNotEqualTo("30");
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT setting FROM pg_settings WHERE name = '" + name + "'")) {
            row.next();
            return row.getString(1);
        }
    }
}
