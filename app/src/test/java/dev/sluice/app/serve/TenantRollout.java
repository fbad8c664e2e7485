package dev.sluice.app.serve;

import dev.sluice.embedded.EmbeddedPostgres;
import dev.sluice.rollout.config.ProjectConfig;
import dev.sluice.rollout.controller.ControllerSchema;
import dev.sluice.rollout.controller.Transactions;
import dev.sluice.rollout.release.NewRelease;
import dev.sluice.rollout.release.ReleaseFile;
import dev.sluice.rollout.release.Releases;
import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The scene of the process tests that stop a controller mid-rollout: a controller database holding
 * one release (V1 sleeps, so each tenant takes a while; V2 is quick) for the group {@code tenants}
 * of prod, and the tenant databases, none migrated yet.
 */
record TenantRollout(TestDatabase controller, String prefix, int tenants) {

    static final String POLICY = """
            migrations: db/migrations
            environments:
              - name: prod
                targets: [tenants]
            """;

    static TenantRollout prepare(String name, int tenants, int secondsPerTenant) {
        TestDatabase controller = SharedPostgres.newDatabase(name);
        ControllerSchema.fromClasspath(controller.dataSource()).migrate();
        TenantRollout scene = new TenantRollout(controller,
                "tenants_" + name.toLowerCase(Locale.ROOT) + "_" + ProcessHandle.current().pid() + "_", tenants);
        EmbeddedPostgres server = SharedPostgres.server();
        for (int i = 0; i < tenants; i++) {
            server.createDatabaseIfMissing(scene.tenant(i));
        }
        new Releases(new Transactions(controller.dataSource()), Clock.systemUTC()).cut(new NewRelease("acme/shop", "c0ffee",
                Optional.of(7), Optional.of("author"), 42, POLICY, ProjectConfig.parse(POLICY, "sluice.yaml"), List.of(
                        ReleaseFile.of("V1__accounts.sql",
                                "CREATE TABLE accounts (id bigint PRIMARY KEY);\nSELECT pg_sleep(" + secondsPerTenant + ");\n"),
                        ReleaseFile.of("V2__email.sql", "ALTER TABLE accounts ADD COLUMN email text;\n")), false));
        return scene;
    }

    String tenant(int i) {
        return prefix + String.format("%02d", i);
    }

    /**
     * Writes the controller's application.yml into {@code folder}: this controller database, a
     * pipeline that looks every second, and the tenants group with {@code groupSettings} (YAML
     * lines at the group's indentation, such as {@code "parallel: 2"}); {@code sluiceSettings}
     * are more lines under {@code sluice:}.
     */
    Path writeConfig(Path folder, List<String> sluiceSettings, List<String> groupSettings) throws Exception {
        StringBuilder yaml = new StringBuilder("""
                datasources:
                  default:
                    url: %s
                    username: %s
                    password: %s
                sluice:
                  pipeline:
                    poll: 1s
                    initial-delay: 1s
                """.formatted(controller.jdbcUrl(), controller.username(), controller.password()));
        sluiceSettings.forEach(line -> yaml.append("  ").append(line).append('\n'));
        yaml.append("""
                  targets:
                    tenants:
                      url: %s
                      username: %s
                      password: %s
                      databases: "%s%%"
                """.formatted(controller.jdbcUrlOf("postgres"), controller.username(), controller.password(), prefix));
        groupSettings.forEach(line -> yaml.append("      ").append(line).append('\n'));
        Path config = folder.resolve("application.yml");
        Files.writeString(config, yaml);
        return config;
    }

    /** A count from the controller database. */
    int count(String sql) throws Exception {
        return controller.queryInt(sql);
    }

    /** How often each version succeeded in tenant {@code i}, such as {@code "1=1,2=1"}. */
    String history(int i) throws Exception {
        try (Connection connection = SharedPostgres.server().connect(tenant(i)); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT string_agg(version || '=' || n, ',' ORDER BY version) FROM"
                     + " (SELECT version, count(*) FILTER (WHERE success) AS n FROM sluice.schema_history GROUP BY version) h")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
