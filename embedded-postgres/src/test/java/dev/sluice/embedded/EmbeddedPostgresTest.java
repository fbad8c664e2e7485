package dev.sluice.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

    @TempDir
    Path folder;

    @Test
    void keepsDataAcrossRestartsOnTheSameFolder() throws SQLException {
        EmbeddedPostgresSettings settings = settings();
        try (EmbeddedPostgres first = EmbeddedPostgres.start(settings)) {
            assertThat(first.createDatabaseIfMissing("kept")).isTrue();
            assertThat(first.createDatabaseIfMissing("kept")).isFalse();
            try (Connection connection = first.connect("kept"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE notes(body text); INSERT INTO notes VALUES ('still here')");
            }
        }
        try (EmbeddedPostgres second = EmbeddedPostgres.start(settings)) {
            assertThat(queryOne(second, "kept", "SELECT body FROM notes")).isEqualTo("still here");
        }
    }

    @Test
    void stopsAServerThatAKilledProcessLeftRunning() throws SQLException {
        EmbeddedPostgresSettings settings = settings();
        EmbeddedPostgres abandoned = EmbeddedPostgres.start(settings); // never closed, like a process killed with -9
        try (EmbeddedPostgres next = EmbeddedPostgres.start(settings)) {
            assertThat(queryOne(next, "postgres", "SELECT 'up'")).isEqualTo("up");
            assertThatThrownBy(() -> abandoned.connect("postgres")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void refusesConnectionsWithoutThePassword() {
        try (EmbeddedPostgres server = EmbeddedPostgres.start(settings())) {
            assertThat(Files.readString(folder.resolve("pg/password")).strip()).isEqualTo(server.password());
            assertThatThrownBy(() -> java.sql.DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "wrong"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void reportsAPortThatIsTakenWithTheServerLog() {
        try (EmbeddedPostgres server = EmbeddedPostgres.start(settings());
             EmbeddedPostgres ignored = EmbeddedPostgres.start(EmbeddedPostgresSettings.durable(
                     folder.resolve("bin"), folder.resolve("other"), server.port()))) {
            throw new AssertionError("a second server started on port " + server.port());
        } catch (EmbeddedPostgresException e) {
            assertThat(e.getMessage()).contains("did not start on port").contains("Address already in use");
        }
    }

    private EmbeddedPostgresSettings settings() {
        return EmbeddedPostgresSettings.forTests(folder.resolve("bin"), folder.resolve("pg"));
    }

    private static String queryOne(EmbeddedPostgres server, String database, String sql) throws SQLException {
        try (Connection connection = server.connect(database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
