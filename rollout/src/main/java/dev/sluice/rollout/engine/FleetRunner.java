package dev.sluice.rollout.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs an operation over a group of databases: wave by wave, at most {@code parallel} databases at
 * once (each uses two connections, its lock and its work; one when already up to date), and once
 * more than {@code maxFailures} databases have failed, no new database is started. Each database's own history decides what it
 * needs, so running the group again after a crash or a failure resumes where it stopped.
 */
public final class FleetRunner {

    /**
     * @param parallel    databases worked on at once
     * @param waves       wave sizes
     * @param maxFailures failures tolerated before no further database is started
     */
    public record Settings(int parallel, Waves waves, int maxFailures) {
        public Settings {
            if (parallel < 1) {
                throw new IllegalArgumentException("parallel must be at least 1");
            }
            if (maxFailures < 0) {
                throw new IllegalArgumentException("max-failures must not be negative");
            }
        }
    }

    private FleetRunner() {
    }

    public static List<DatabaseOutcome> run(List<DatabaseTarget> targets, Settings settings,
            Function<DatabaseTarget, DatabaseOutcome> operation, RolloutListener listener) {
        List<DatabaseOutcome> outcomes = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        List<List<DatabaseTarget>> waves = settings.waves().split(targets);
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.parallel(), Math.max(1, targets.size())))) {
            for (int wave = 0; wave < waves.size(); wave++) {
                List<Future<DatabaseOutcome>> running = new ArrayList<>();
                for (DatabaseTarget target : waves.get(wave)) {
                    running.add(pool.submit(() -> {
                        if (failures.get() > settings.maxFailures()) {
                            DatabaseOutcome skipped = new DatabaseOutcome.NotAttempted(target.name(),
                                    "stopped after " + failures.get() + " failed databases (max-failures " + settings.maxFailures() + ")");
                            listener.databaseFinished(skipped);
                            return skipped;
                        }
                        DatabaseOutcome outcome = operation.apply(target);
                        if (isFailure(outcome)) {
                            failures.incrementAndGet();
                        }
                        return outcome;
                    }));
                }
                int waveFailures = 0;
                for (Future<DatabaseOutcome> future : running) {
                    DatabaseOutcome outcome = await(future);
                    outcomes.add(outcome);
                    waveFailures += isFailure(outcome) ? 1 : 0;
                }
                listener.waveFinished(wave + 1, running.size(), waveFailures);
            }
        }
        return outcomes;
    }

    public static boolean isFailure(DatabaseOutcome outcome) {
        return switch (outcome) {
            case DatabaseOutcome.Failed ignored -> true;
            case DatabaseOutcome.Locked ignored -> true;
            case DatabaseOutcome.Invalid ignored -> true;
            case DatabaseOutcome.Unreachable ignored -> true;
            case DatabaseOutcome.UpToDate ignored -> false;
            case DatabaseOutcome.Migrated ignored -> false;
            case DatabaseOutcome.Planned ignored -> false;
            case DatabaseOutcome.NotAttempted ignored -> false;
        };
    }

    private static DatabaseOutcome await(Future<DatabaseOutcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a database", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a database run failed unexpectedly", e.getCause());
        }
    }
}
