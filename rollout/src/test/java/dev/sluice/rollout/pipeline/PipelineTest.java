package dev.sluice.rollout.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.rollout.release.Release;
import dev.sluice.testsupport.SharedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PipelineTest {

    static final String AUTO = """
            migrations: db/migrations
            environments:
              - name: dev
                targets: [dev]
              - name: staging
                targets: [staging]
              - name: prod
                targets: [prod, tenants]
            """;
    static final String V1 = "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);";
    static final String V2 = "ALTER TABLE accounts ADD COLUMN name text;";
    static final String U2 = "ALTER TABLE accounts DROP COLUMN name;";

    @Test
    void aReleaseRollsThroughEveryEnvironmentAndEveryTenantOnce() throws Exception {
        PipelineFixture fixture = new PipelineFixture("through", 6);
        Release release = fixture.cut("c1", 7, AUTO, "V1__accounts.sql", V1);

        fixture.pipeline().advance();

        for (String environment : List.of("dev", "staging", "prod")) {
            assertThat(fixture.deploy(release, environment).state()).as(environment).isEqualTo(DeploymentState.SUCCEEDED);
        }
        for (String single : List.of("dev", "staging", "prod")) {
            assertThat(fixture.applied(fixture.prefix + single, "1")).isEqualTo(1);
        }
        for (int i = 0; i < 6; i++) {
            assertThat(fixture.applied(fixture.tenant(i), "1")).isEqualTo(1);
        }
        List<TargetRun> prod = new Deployments(fixture.transactions).targets(fixture.deploy(release, "prod").id());
        assertThat(prod).hasSize(7).allSatisfy(row -> {
            assertThat(row.state()).isEqualTo(TargetRunState.SUCCEEDED);
            assertThat(row.versions()).containsExactly("1");
            assertThat(row.attempts()).isEqualTo(1);
        });
        assertThat(fixture.audit("release-cut")).hasSize(1);
        assertThat(fixture.audit("deploy-started")).containsExactly("dev", "staging", "prod");
        assertThat(fixture.audit("deploy-succeeded")).containsExactly("dev", "staging", "prod");
        assertThat(fixture.audit("target-succeeded")).hasSize(9);
        // History rows name the release and environment that applied them.
        try (Connection connection = SharedPostgres.server().connect(fixture.tenant(3)); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT release, environment FROM sluice.schema_history WHERE version = '1'")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo(release.version());
            assertThat(row.getString(2)).isEqualTo("prod");
        }
    }

    @Test
    void aBrokenTenantStopsProdBlocksTheNextReleaseAndARetryFinishesOnlyThatTenant() throws Exception {
        PipelineFixture fixture = new PipelineFixture("broken", 6);
        fixture.execute(fixture.tenant(4), "CREATE TABLE accounts (id int)"); // V1 fails there: 42P07
        Release first = fixture.cut("c1", 7, AUTO, "V1__accounts.sql", V1);
        Pipeline pipeline = fixture.pipeline();

        pipeline.advance();

        Deployment prod = fixture.deploy(first, "prod");
        assertThat(prod.state()).isEqualTo(DeploymentState.FAILED);
        assertThat(prod.reason()).contains("1 of 6 databases of tenants failed").contains(fixture.tenant(4)).contains("42P07");
        Release second = fixture.cut("c2", 8, AUTO, "V1__accounts.sql", V1, "V2__name.sql", V2);
        pipeline.advance();
        assertThat(fixture.deploy(second, "staging").state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(fixture.deploy(second, "prod").reason()).isEqualTo("blocked: release " + first.version()
                + " failed in prod (retry it or roll it back first)");

        fixture.execute(fixture.tenant(4), "DROP TABLE accounts");
        assertThat(pipeline.retry(first, "prod", Optional.empty(), "alice")).isInstanceOf(CommandOutcome.Accepted.class)
                .extracting(CommandOutcome::message).asString().contains("retrying tenants/" + fixture.tenant(4));
        pipeline.advance();

        assertThat(fixture.deploy(first, "prod").state()).isEqualTo(DeploymentState.SUCCEEDED);
        List<TargetRun> rows = new Deployments(fixture.transactions).targets(fixture.deploy(first, "prod").id());
        assertThat(rows).filteredOn(row -> row.attempts() == 2).extracting(TargetRun::database).containsExactly(fixture.tenant(4));
        assertThat(rows).filteredOn(row -> row.attempts() != 1 && row.attempts() != 2).isEmpty();
        for (int i = 0; i < 6; i++) {
            assertThat(fixture.applied(fixture.tenant(i), "1")).as("tenant " + i).isEqualTo(1);
            assertThat(fixture.applied(fixture.tenant(i), "2")).as("tenant " + i).isEqualTo(1);
        }
        assertThat(fixture.deploy(second, "prod").state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(fixture.audit("retry-requested")).hasSize(1);
        assertThat(fixture.audit("target-failed")).singleElement().asString().contains(fixture.tenant(4));
    }

    @Test
    void aRunOrphanedByACrashIsTakenOverAndNothingIsAppliedTwice() throws Exception {
        PipelineFixture fixture = new PipelineFixture("orphan", 4);
        Release release = fixture.cut("c1", 7, AUTO, "V1__accounts.sql", V1);
        fixture.pipeline().advance();
        // As if the controller died after the databases committed but before it wrote that down.
        long prod = fixture.deploy(release, "prod").id();
        fixture.execute(fixture.controller.name(), "UPDATE sluice.deployment SET state = 'running', finished_at = NULL WHERE id = " + prod);
        fixture.execute(fixture.controller.name(), "UPDATE sluice.deployment_target SET state = 'running' WHERE deployment_id = " + prod
                + " AND ordinal >= 2");

        fixture.pipeline().advance();

        assertThat(fixture.deploy(release, "prod").state()).isEqualTo(DeploymentState.SUCCEEDED);
        for (int i = 0; i < 4; i++) {
            assertThat(fixture.applied(fixture.tenant(i), "1")).isEqualTo(1);
        }
    }

    @Test
    void twoControllersAdvancingTogetherRunEachDeploymentOnce() throws Exception {
        PipelineFixture fixture = new PipelineFixture("race", 8);
        Release release = fixture.cut("c1", 7, AUTO, "V1__accounts.sql", V1, "V2__name.sql", V2);
        Pipeline one = fixture.pipeline();
        Pipeline two = fixture.pipeline();

        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Callable<Integer>> both = List.of(() -> drain(one), () -> drain(two));
            List<Future<Integer>> results = new ArrayList<>(pool.invokeAll(both));
            for (Future<Integer> result : results) {
                result.get();
            }
        }

        assertThat(fixture.deploy(release, "prod").state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(fixture.audit("deploy-started")).containsExactly("dev", "staging", "prod");
        for (int i = 0; i < 8; i++) {
            assertThat(fixture.applied(fixture.tenant(i), "2")).isEqualTo(1);
        }
    }

    private static int drain(Pipeline pipeline) {
        int total = 0;
        for (int i = 0; i < 5; i++) {
            total += pipeline.advance();
        }
        return total;
    }

    @Test
    void aRollbackAppliesTheDownMigrationsToThePreviousReleaseAndRecordsThem() throws Exception {
        PipelineFixture fixture = new PipelineFixture("rollback", 2);
        fixture.cut("c1", 7, AUTO, "V1__accounts.sql", V1);
        Release second = fixture.cut("c2", 8, AUTO, "V1__accounts.sql", V1, "V2__name.sql", V2, "U2__name.sql", U2);
        Pipeline pipeline = fixture.pipeline();
        pipeline.advance();

        CommandOutcome outcome = pipeline.rollback(second, "dev", Optional.empty(), "carol");
        pipeline.advance();

        assertThat(outcome).isInstanceOf(CommandOutcome.Accepted.class);
        assertThat(outcome.message()).contains("back to version 1");
        try (Connection connection = SharedPostgres.server().connect(fixture.prefix + "dev"); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM information_schema.columns WHERE table_name = 'accounts'"
                     + " AND column_name = 'name'")) {
            row.next();
            assertThat(row.getInt(1)).isZero();
        }
        try (Connection connection = SharedPostgres.server().connect(fixture.prefix + "dev"); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT installed_by, release FROM sluice.schema_history WHERE direction = 'down'")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("carol");
            assertThat(row.getString(2)).isEqualTo(second.version());
        }
        assertThat(fixture.audit("rollback-requested")).containsExactly("dev  to version 1");
        assertThat(fixture.audit("rollback-succeeded")).hasSize(1);
        assertThat(fixture.applied(fixture.prefix + "staging", "2")).isEqualTo(1); // other environments untouched
    }

    @Test
    void aPausedEnvironmentWaitsSayingWhoPausedItAndResumes() throws Exception {
        PipelineFixture fixture = new PipelineFixture("pause", 1);
        Pipeline pipeline = fixture.pipeline();
        assertThat(pipeline.pause(PipelineFixture.REPOSITORY, "staging", "dave")).isInstanceOf(CommandOutcome.Accepted.class);
        assertThat(pipeline.pause(PipelineFixture.REPOSITORY, "staging", "dave")).isInstanceOf(CommandOutcome.Refused.class);
        Release release = fixture.cut("c1", 7, AUTO, "V1__accounts.sql", V1);

        pipeline.advance();

        assertThat(fixture.deploy(release, "dev").state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(fixture.deploy(release, "staging").state()).isEqualTo(DeploymentState.WAITING);
        assertThat(fixture.deploy(release, "staging").reason()).isEqualTo("staging is paused by @dave (/sluice resume staging)");
        assertThat(fixture.deploy(release, "prod").reason()).isEqualTo("waits for staging");

        pipeline.resume(PipelineFixture.REPOSITORY, "staging", "dave");
        pipeline.advance();
        assertThat(fixture.deploy(release, "prod").state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(fixture.audit("paused")).containsExactly("staging");
        assertThat(fixture.audit("resumed")).containsExactly("staging");
    }

    @Test
    void aRedeliveredMergeCutsNoSecondRelease() throws Exception {
        PipelineFixture fixture = new PipelineFixture("redeliver", 1);
        Release first = fixture.cut("c1", 7, AUTO, "V1__accounts.sql", V1);
        Release again = fixture.cut("c1", 7, AUTO, "V1__accounts.sql", V1);
        Release next = fixture.cut("c2", 8, AUTO, "V1__accounts.sql", V1, "V2__name.sql", V2);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.version()).matches("\\d{8}\\.1");
        assertThat(next.version()).isEqualTo(first.version().replace(".1", ".2"));
        assertThat(fixture.audit("release-cut")).hasSize(2);
    }
}
