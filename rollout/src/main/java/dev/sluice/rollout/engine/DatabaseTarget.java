package dev.sluice.rollout.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/** One database to migrate: its name (as reported) and how to open a connection to it. */
public record DatabaseTarget(String name, ConnectionFactory connections) {

    /** Opens a new connection; {@code purpose} becomes part of its application_name. */
    @FunctionalInterface
    public interface ConnectionFactory {
        Connection open(String purpose) throws SQLException;
    }

    public DatabaseTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connections, "connections");
    }
}
