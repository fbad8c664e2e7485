package dev.sluice.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.rollout.controller.Transactions;
import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The controller's pooled sessions, which hold its claims and locks, are probed by the server. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControllerSessionKeepaliveTest implements TestPropertyProvider {

    private final TestDatabase database = SharedPostgres.newDatabase(getClass().getSimpleName());

    @Inject
    Transactions transactions;

    @Override
    public Map<String, String> getProperties() {
        return database.micronautDatasource();
    }

    @Test
    void aPooledSessionAsksForKeepalives() throws Exception {
        try (Connection connection = transactions.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_setting('tcp_keepalives_idle'), current_setting('tcp_keepalives_interval'),"
                     + " current_setting('tcp_keepalives_count')")) {
            row.next();
            assertThat(row.getString(1) + " " + row.getString(2) + " " + row.getString(3)).isEqualTo("30 10 3");
        }
    }
}
