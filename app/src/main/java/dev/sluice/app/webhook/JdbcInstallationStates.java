package dev.sluice.app.webhook;

import dev.sluice.webhooks.handle.InstallationStates;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Installation states in {@code sluice.installation}. */
@Singleton
final class JdbcInstallationStates implements InstallationStates {

    private final DataSource dataSource;

    JdbcInstallationStates(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    @Override
    public void record(long installation, String account, boolean stopped) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO sluice.installation (id, account, stopped) VALUES (?, ?, ?)
                     ON CONFLICT (id) DO UPDATE SET account = excluded.account, stopped = excluded.stopped, changed_at = now()""")) {
            upsert.setLong(1, installation);
            upsert.setString(2, account);
            upsert.setBoolean(3, stopped);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record installation " + installation + ": " + e.getMessage(), e);
        }
    }
}
