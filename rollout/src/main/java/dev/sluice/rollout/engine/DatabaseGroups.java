package dev.sluice.rollout.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The databases of a group on one server: a comma-separated list of names, or a SQL LIKE pattern
 * when it contains {@code %} (an underscore alone is part of a name, not a wildcard). Templates and
 * databases that refuse connections are left out.
 */
public final class DatabaseGroups {

    private DatabaseGroups() {
    }

    public static List<String> list(Connection server, String spec) throws SQLException {
        if (!spec.contains("%")) {
            Set<String> names = new LinkedHashSet<>();
            for (String name : spec.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
            return List.copyOf(names);
        }
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = server.prepareStatement("""
                SELECT datname FROM pg_database
                WHERE datname LIKE ? AND datallowconn AND NOT datistemplate
                ORDER BY datname""")) {
            query.setString(1, spec);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }
}
