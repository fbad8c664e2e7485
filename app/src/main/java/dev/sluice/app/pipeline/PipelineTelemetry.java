package dev.sluice.app.pipeline;

import dev.sluice.app.ops.SluiceMetrics;
import dev.sluice.rollout.engine.Step;
import dev.sluice.rollout.pipeline.PipelineListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What the pipeline reports, turned into metrics and log context: while a deployment runs, every
 * log line of its thread carries {@code release} and {@code environment}; while a database is
 * migrated, the fleet thread's lines carry those and {@code target}.
 */
@Singleton
final class PipelineTelemetry implements PipelineListener {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineTelemetry.class);

    private final SluiceMetrics metrics;

    PipelineTelemetry(SluiceMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void deploymentStarted(Run run) {
        MDC.put("release", run.release());
        MDC.put("environment", run.environment());
        LOG.info("Running the {} of release {} of {} in {}", run.kind().word(), run.release(), run.repository(), run.environment());
    }

    @Override
    public void deploymentEnded(Run run) {
        MDC.remove("release");
        MDC.remove("environment");
    }

    @Override
    public void databaseStarted(Run run, String target) {
        // The fleet's threads do not inherit the deployment thread's context: set it all again.
        MDC.put("release", run.release());
        MDC.put("environment", run.environment());
        MDC.put("target", target);
    }

    @Override
    public void stepFinished(Run run, String target, Step step) {
        metrics.step(run.environment(), step);
    }

    @Override
    public void databaseFinished(Run run, String target, boolean succeeded, String detail, Duration elapsed) {
        metrics.database(run.environment(), succeeded);
        if (succeeded) {
            LOG.info("{} done in {} ms: {}", target, elapsed.toMillis(), detail);
        } else {
            LOG.warn("{} failed after {} ms: {}", target, elapsed.toMillis(), detail);
        }
        MDC.remove("target");
    }
}
