package dev.sluice.app.pipeline;

import dev.sluice.app.ops.ShutdownSignal;
import dev.sluice.app.webhook.Targets;
import dev.sluice.rollout.controller.Outbox;
import dev.sluice.rollout.drift.ControllerSnapshots;
import dev.sluice.rollout.drift.DriftChecker;
import dev.sluice.rollout.drift.DriftStates;
import dev.sluice.rollout.controller.Transactions;
import dev.sluice.rollout.pipeline.Approvals;
import dev.sluice.rollout.pipeline.Deployments;
import dev.sluice.rollout.pipeline.Holds;
import dev.sluice.rollout.pipeline.Pipeline;
import dev.sluice.rollout.engine.RunSettings;
import dev.sluice.rollout.release.Releases;
import io.micronaut.context.annotation.Factory;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.time.Clock;
import javax.sql.DataSource;

/** The release and promotion state in the controller's database, and the pipeline that works on it. */
@Factory
final class ControllerStateConfiguration {

    @Singleton
    Transactions transactions(DataSource dataSource) {
        // Plain JDBC on the pool itself: Micronaut Data's contextual proxy wants a surrounding @Transactional.
        return new Transactions(DelegatingDataSource.unwrapDataSource(dataSource));
    }

    @Singleton
    Releases releases(Transactions transactions, Clock clock) {
        return new Releases(transactions, clock);
    }

    @Singleton
    Approvals approvals(Transactions transactions) {
        return new Approvals(transactions);
    }

    @Singleton
    Holds holds(Transactions transactions) {
        return new Holds(transactions);
    }

    @Singleton
    Deployments deployments(Transactions transactions) {
        return new Deployments(transactions);
    }

    @Singleton
    Outbox outbox(Transactions transactions) {
        return new Outbox(transactions);
    }

    @Singleton
    ControllerSnapshots controllerSnapshots(Transactions transactions) {
        return new ControllerSnapshots(transactions);
    }

    @Singleton
    DriftStates driftStates(Transactions transactions) {
        return new DriftStates(transactions);
    }

    @Singleton
    DriftChecker driftChecker(ControllerSnapshots snapshots, DriftStates states, Targets targets, Clock clock) {
        return new DriftChecker(snapshots, states, targets.all(), clock);
    }

    @Singleton
    Pipeline pipeline(Transactions transactions, Targets targets, Clock clock, PipelineTelemetry telemetry, ShutdownSignal shutdown) {
        return new Pipeline(transactions, targets.all(), clock, RunSettings.defaults("sluice"), telemetry, shutdown::stopping);
    }
}
