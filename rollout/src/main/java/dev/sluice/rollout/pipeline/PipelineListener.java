package dev.sluice.rollout.pipeline;

import dev.sluice.rollout.engine.Step;
import java.time.Duration;
import java.util.Objects;

/**
 * What the pipeline does, for whoever measures or logs it (the controller turns it into metrics
 * and log context). Database calls come from the fleet's threads; every method is a no-op by default.
 */
public interface PipelineListener {

    PipelineListener NONE = new PipelineListener() {
    };

    /** Which deployment a call is about. */
    record Run(long deployment, String repository, String release, String environment, DeploymentKind kind) {
        public Run {
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(release, "release");
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** The deployment is claimed by this controller and about to run (or carry on). */
    default void deploymentStarted(Run run) {
    }

    /** This controller stopped working on the deployment: it finished, or was stopped and is left for another pass. */
    default void deploymentEnded(Run run) {
    }

    /** A database is about to be migrated; {@code target} is its label (target, or target/database). */
    default void databaseStarted(Run run, String target) {
    }

    /** One migration step ran on the database. */
    default void stepFinished(Run run, String target, Step step) {
    }

    /**
     * The database's turn ended: succeeded (applied, or already up to date) or failed, with the
     * detail recorded for it (credentials already redacted).
     */
    default void databaseFinished(Run run, String target, boolean succeeded, String detail, Duration elapsed) {
    }
}
