package dev.sluice.rollout.controller;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Appends to {@code sluice.audit_event}. Stores call it on the connection of the change they
 * record, so a change and its audit line commit together or not at all.
 */
public final class AuditLog {

    private AuditLog() {
    }

    public static void append(Connection connection, AuditEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO sluice.audit_event (actor, action, repository, environment, release, target, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, entry.actor());
            insert.setString(2, entry.action());
            insert.setString(3, entry.repository().orElse(null));
            insert.setString(4, entry.environment().orElse(null));
            insert.setString(5, entry.release().orElse(null));
            insert.setString(6, entry.target().orElse(null));
            insert.setString(7, entry.detail());
            insert.executeUpdate();
        }
    }
}
