package dev.sluice.rollout.engine;

/**
 * Progress of a run, for whoever reports it (the command line prints it; the controller turns it
 * into comments and check runs). Called from the runner's threads.
 */
public interface RolloutListener {

    RolloutListener NONE = new RolloutListener() {
    };

    default void databaseStarted(String database) {
    }

    default void stepFinished(String database, Step step) {
    }

    default void databaseFinished(DatabaseOutcome outcome) {
    }

    default void waveFinished(int wave, int databases, int failures) {
    }
}
