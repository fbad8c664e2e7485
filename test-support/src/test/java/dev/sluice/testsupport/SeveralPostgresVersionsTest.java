package dev.sluice.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs only where Docker answers; without it these are reported as skipped. */
@RequiresDocker
class SeveralPostgresVersionsTest {

    @ParameterizedTest
    @ValueSource(ints = {13, 14, 15, 16, 17})
    void containerServesTheRequestedMajorVersion(int major) throws SQLException {
        try (DockerPostgres postgres = DockerPostgres.start(major);
             Connection connection = postgres.database().connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(major);
        }
    }
}
