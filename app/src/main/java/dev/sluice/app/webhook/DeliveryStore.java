package dev.sluice.app.webhook;

import dev.sluice.webhooks.intake.Delivery;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import javax.sql.DataSource;

/** Webhook deliveries in the controller's database: recorded once per delivery id, before the 202. */
@Singleton
public class DeliveryStore {

    private final DataSource dataSource;

    DeliveryStore(DataSource dataSource) {
        // Plain JDBC on the pool itself: Micronaut Data's contextual proxy wants a surrounding @Transactional.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Records the delivery; false when one with the same id was recorded before (a redelivery or a replay). */
    public boolean record(Delivery delivery) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO sluice.delivery (id, event, action, repository, installation_id, received_at, body)
                     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")) {
            insert.setString(1, delivery.id());
            insert.setString(2, delivery.event());
            insert.setString(3, delivery.action());
            insert.setString(4, delivery.repository().orElse(null));
            if (delivery.installation().isPresent()) {
                insert.setLong(5, delivery.installation().get());
            } else {
                insert.setNull(5, Types.BIGINT);
            }
            insert.setTimestamp(6, Timestamp.from(delivery.receivedAt()));
            insert.setBytes(7, delivery.body());
            return insert.executeUpdate() == 1;
        }
    }

    /** Whether the installation was deleted or suspended (and not since reinstated). */
    public boolean installationStopped(long installation) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT stopped FROM sluice.installation WHERE id = ?")) {
            query.setLong(1, installation);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read installation " + installation + ": " + e.getMessage(), e);
        }
    }
}
