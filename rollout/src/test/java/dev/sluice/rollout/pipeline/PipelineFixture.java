package dev.sluice.rollout.pipeline;

import dev.sluice.embedded.EmbeddedPostgres;
import dev.sluice.rollout.config.ProjectConfig;
import dev.sluice.rollout.config.TargetConfig;
import dev.sluice.rollout.controller.ControllerSchema;
import dev.sluice.rollout.controller.Transactions;
import dev.sluice.rollout.engine.FleetRunner;
import dev.sluice.rollout.engine.RunSettings;
import dev.sluice.rollout.engine.Waves;
import dev.sluice.rollout.release.NewRelease;
import dev.sluice.rollout.release.Release;
import dev.sluice.rollout.release.ReleaseCut;
import dev.sluice.rollout.release.ReleaseFile;
import dev.sluice.rollout.release.Releases;
import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A controller database and real target databases (dev, staging, prod and a tenant group) on the shared server. */
final class PipelineFixture {

    static final String REPOSITORY = "acme/shop";

    final TestDatabase controller;
    final Transactions transactions;
    final Releases releases;
    final Map<String, TargetConfig> targets = new LinkedHashMap<>();
    final String prefix;
    final int tenants;

    /** A fresh controller database per fixture: the pipeline works on every release it finds there. */
    PipelineFixture(String hint, int tenants) {
        this.controller = SharedPostgres.newDatabase("pipeline_" + hint);
        this.tenants = tenants;
        ControllerSchema.fromClasspath(controller.dataSource()).migrate();
        this.transactions = new Transactions(controller.dataSource());
        this.releases = new Releases(transactions, Clock.systemUTC());
        this.prefix = hint + "_" + ProcessHandle.current().pid() + "_";
        EmbeddedPostgres server = SharedPostgres.server();
        for (String single : List.of("dev", "staging", "prod")) {
            server.createDatabaseIfMissing(prefix + single);
            targets.put(single, new TargetConfig(single, controller.jdbcUrlOf(prefix + single), Optional.of(controller.username()),
                    Optional.of(controller.password()), Optional.empty()));
        }
        for (int i = 0; i < tenants; i++) {
            server.createDatabaseIfMissing(tenant(i));
        }
        targets.put("tenants", new TargetConfig("tenants", controller.jdbcUrlOf(prefix + "dev"), Optional.of(controller.username()),
                Optional.of(controller.password()), Optional.of(prefix + "tenant%"),
                new FleetRunner.Settings(2, Waves.parse("[1, 50%, 100%]"), 10)));
    }

    String tenant(int i) {
        return prefix + "tenant" + String.format("%02d", i);
    }

    Pipeline pipeline() {
        RunSettings fast = RunSettings.defaults("sluice").withRetries(0, Duration.ofMillis(10)).withLockWait(Duration.ofSeconds(5));
        return new Pipeline(transactions, targets, Clock.systemUTC(), fast);
    }

    Release cut(String commit, int pullRequest, String policy, String... namesAndContents) {
        List<ReleaseFile> files = new ArrayList<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            files.add(ReleaseFile.of(namesAndContents[i], namesAndContents[i + 1]));
        }
        ReleaseCut cut = releases.cut(new NewRelease(REPOSITORY, commit, Optional.of(pullRequest), Optional.of("author"), 42, policy,
                ProjectConfig.parse(policy, "sluice.yaml"), files, false));
        return cut.release();
    }

    Deployment deploy(Release release, String environment) {
        return new Deployments(transactions).ofRelease(release.id()).stream()
                .filter(d -> d.kind() == DeploymentKind.DEPLOY && d.environment().equals(environment)).findFirst().orElseThrow();
    }

    /** How many successful history rows the version has in the database (applied exactly once = 1). */
    int applied(String database, String version) throws SQLException {
        try (Connection connection = SharedPostgres.server().connect(database); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM sluice.schema_history WHERE version = '" + version
                     + "' AND success AND direction = 'up'")) {
            row.next();
            return row.getInt(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0;
            }
            throw e;
        }
    }

    void execute(String database, String sql) throws SQLException {
        try (Connection connection = SharedPostgres.server().connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    List<String> audit(String action) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = controller.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT coalesce(environment, '') || ' ' || coalesce(target, '') || ' ' || detail"
                     + " FROM sluice.audit_event WHERE action = '" + action + "' ORDER BY id")) {
            while (rows.next()) {
                lines.add(rows.getString(1).strip());
            }
        }
        return lines;
    }
}
