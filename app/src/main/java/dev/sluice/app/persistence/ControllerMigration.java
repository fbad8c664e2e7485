package dev.sluice.app.persistence;

import dev.sluice.rollout.migration.Checksum;
import java.util.Objects;

/** One versioned SQL file of the controller's own schema ({@code db/controller/V<n>__<description>.sql}). */
record ControllerMigration(int version, String description, String script, String sql, Checksum checksum) {

    ControllerMigration {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(checksum, "checksum");
        if (version < 1) {
            throw new IllegalArgumentException("controller migration versions start at 1: " + script);
        }
    }
}
