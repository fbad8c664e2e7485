package dev.sluice.rollout.config;

import dev.sluice.rollout.engine.DatabaseTarget;
import dev.sluice.rollout.engine.FleetRunner;
import dev.sluice.rollout.engine.JdbcTargets;
import dev.sluice.rollout.engine.Waves;
import java.util.Objects;
import java.util.Optional;

/**
 * A target of the controller's configuration ({@code sluice.targets.<name>}, CONTRACT §6): a
 * database, or with {@code databases} a group of databases on that server.
 *
 * @param databases a SQL LIKE pattern or a comma-separated list, for a database group
 * @param fleet     how a group is worked through ({@code parallel}, {@code waves},
 *                  {@code max-failures}); unused for a single database
 */
public record TargetConfig(String name, String url, Optional<String> username, Optional<String> password,
        Optional<String> databases, FleetRunner.Settings fleet) {

    /** Four databases at once, all in one wave, and no new database started after the first failure. */
    public static final FleetRunner.Settings DEFAULT_FLEET = new FleetRunner.Settings(4, Waves.ALL_AT_ONCE, 0);

    public TargetConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(databases, "databases");
        Objects.requireNonNull(fleet, "fleet");
    }

    /** A target with the {@link #DEFAULT_FLEET} settings. */
    public TargetConfig(String name, String url, Optional<String> username, Optional<String> password, Optional<String> databases) {
        this(name, url, username, password, databases, DEFAULT_FLEET);
    }

    /** A database of this target: the target's own ({@code ""}) or a member of its group; named as users see it. */
    public DatabaseTarget database(String database) {
        String jdbcUrl = database.isEmpty() ? url : JdbcTargets.withDatabase(url, database);
        return JdbcTargets.of(database.isEmpty() ? name : name + "/" + database, jdbcUrl, username.orElse(null), password.orElse(null));
    }

    @Override
    public String toString() {
        return "TargetConfig[" + name + "]"; // never the password
    }
}
