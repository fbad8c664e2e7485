package dev.sluice.rollout.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testsupport.PostgresTest;
import dev.sluice.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox as several replicas share it: a claimed report is one sender's until it says how the send went. */
@PostgresTest
class OutboxTest {

    private final TestDatabase database;
    private final Outbox outbox;

    OutboxTest(TestDatabase database) {
        this.database = database;
        ControllerSchema.fromClasspath(database.dataSource()).migrate();
        this.outbox = new Outbox(new Transactions(database.dataSource()));
    }

    @BeforeEach
    void empty() throws SQLException {
        execute("TRUNCATE sluice.outbox");
    }

    @Test
    void aRefreshWhileOneReplicaSendsDoesNotHandTheReportToAnother() {
        outbox.enqueue("acme/shop", 42, OutboxKind.RELEASE_COMMENT, "20261121.1", "");
        List<OutboxMessage> first = outbox.claim(10);
        assertThat(first).hasSize(1);

        outbox.enqueue("acme/shop", 42, OutboxKind.RELEASE_COMMENT, "20261121.1", ""); // the pipeline moved on meanwhile

        assertThat(outbox.claim(10)).as("the other replica finds nothing to send while the first holds it").isEmpty();
        assertThat(outbox.done(first.getFirst())).as("a newer state is owed").isFalse();
        List<OutboxMessage> again = outbox.claim(10);
        assertThat(again).singleElement().satisfies(message -> {
            assertThat(message.id()).isEqualTo(first.getFirst().id());
            assertThat(message.revision()).isEqualTo(2);
        });
        assertThat(outbox.done(again.getFirst())).isTrue();
        assertThat(outbox.queued()).isZero();
    }

    @Test
    void aRefreshOfAReportThatIsBackingOffWaitsForItsRetry() {
        outbox.enqueue("acme/shop", 42, OutboxKind.DEPLOY_CHECK, "20261121.1/dev", "");
        OutboxMessage claimed = outbox.claim(10).getFirst();
        outbox.retryOrPark(claimed, "GitHub answered 403: API rate limit exceeded", Optional.of(Instant.now().plusSeconds(3600)));

        outbox.enqueue("acme/shop", 42, OutboxKind.DEPLOY_CHECK, "20261121.1/dev", "");

        assertThat(outbox.claim(10)).as("not sent before GitHub said it may be").isEmpty();
        assertThat(outbox.queued()).isEqualTo(1);
    }

    @Test
    void aSenderThatDiedGivesTheReportBackWhenItsLeaseEnds() throws SQLException {
        outbox.enqueue("acme/shop", 42, OutboxKind.REPLY, "7", "Approved for staging.");
        assertThat(outbox.claim(10)).hasSize(1);
        assertThat(outbox.claim(10)).isEmpty();

        execute("UPDATE sluice.outbox SET leased_until = now() - interval '1 second'"); // five minutes later

        assertThat(outbox.claim(10)).singleElement().satisfies(message -> assertThat(message.attempt()).isEqualTo(2));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
