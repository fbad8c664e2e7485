package dev.sluice.rollout.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.rollout.controller.ControllerSchema;
import dev.sluice.rollout.controller.Transactions;
import dev.sluice.testsupport.PostgresTest;
import dev.sluice.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Drift states as several replicas record them: each change is audited and reported once. */
@PostgresTest
class DriftStatesTest {

    static final int DATABASES = 30;

    private final TestDatabase database;
    private final DriftStates states;

    DriftStatesTest(TestDatabase database) {
        this.database = database;
        ControllerSchema.fromClasspath(database.dataSource()).migrate();
        this.states = new DriftStates(new Transactions(database.dataSource()));
    }

    @Test
    void twoReplicasFindingTheSameDriftAtOnceAuditAndReportItOnce() throws Exception {
        Drift drift = new Drift(List.of(new Difference(ObjectKind.COLUMN, "public.users.age", Difference.Change.ADDED,
                "column public.users.age added: integer", Optional.of("ALTER TABLE public.users DROP COLUMN age;"))));
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < DATABASES; i++) {
                String name = "tenant" + i;
                CountDownLatch start = new CountDownLatch(1);
                for (int replica = 0; replica < 2; replica++) {
                    answers.add(replicas.submit(() -> {
                        start.await();
                        return states.record("tenants", name, Optional.of("acme/shop"), drift, Instant.now());
                    }));
                }
                start.countDown();
            }
            int changed = 0;
            for (Future<Boolean> answer : answers) {
                changed += answer.get() ? 1 : 0;
            }
            assertThat(changed).as("one of the two saw a change, per database").isEqualTo(DATABASES);
        } finally {
            replicas.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM sluice.audit_event WHERE action = 'drift-detected'")).isEqualTo(DATABASES);
        assertThat(count("SELECT count(*) FROM sluice.outbox WHERE kind = 'drift-issue'")).isEqualTo(DATABASES);
        assertThat(states.all()).hasSize(DATABASES).allSatisfy(state -> assertThat(state.drifted()).isTrue());
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}
