package dev.sluice.rollout.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Asks the server to probe a session's peer: a controller that vanishes without closing its
 * connections (host down, network cut) otherwise keeps its session, and with it the advisory
 * locks it holds, for the operating system's default of two hours. With these settings PostgreSQL
 * drops it within about {@link #DEAD_PEER_NOTICED}, and another replica takes the work over.
 * Only TCP sessions are probed; on a Unix socket the settings do nothing.
 */
public final class ServerKeepalive {

    static final int IDLE_SECONDS = 30;
    static final int INTERVAL_SECONDS = 10;
    static final int COUNT = 3;
    public static final Duration DEAD_PEER_NOTICED = Duration.ofSeconds(IDLE_SECONDS + INTERVAL_SECONDS * COUNT);
    /** The settings as SQL, for a connection pool to run on each new connection. */
    public static final String SQL = "SET tcp_keepalives_idle = " + IDLE_SECONDS + "; SET tcp_keepalives_interval = "
            + INTERVAL_SECONDS + "; SET tcp_keepalives_count = " + COUNT;

    private ServerKeepalive() {
    }

    /**
     * Sets the session's keepalives; the session then holds locks no longer than its peer lives.
     * Call it on a fresh connection, outside a transaction: the settings then last for the session.
     */
    public static void ask(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(SQL);
        }
    }
}
