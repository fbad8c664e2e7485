package dev.sluice.rollout.engine;

import dev.sluice.rollout.migration.MigrationVersion;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run migrations on a database.
 *
 * @param lockTimeout       lock_timeout for each migration unless its file sets one (CONTRACT §4: 5 s)
 * @param statementTimeout  statement_timeout unless the file sets one; empty for none
 * @param lockWait          how long to wait for another runner's migration lock
 * @param lockRetries       how many times a migration that hit lock_timeout (55P03) is tried again
 * @param retryBackoff      the wait before the first retry; doubled each time
 * @param allowOutOfOrder   apply a new version below the highest applied one instead of stopping
 * @param target            apply up to this version (inclusive); empty for all
 * @param release           recorded in the history, when the run belongs to a release
 * @param environment       recorded in the history, when the run belongs to an environment
 * @param installedBy       who runs it: a GitHub login or the OS user
 * @param dryRun            say what would run, run nothing
 */
public record RunSettings(
        Duration lockTimeout,
        Optional<Duration> statementTimeout,
        Duration lockWait,
        int lockRetries,
        Duration retryBackoff,
        boolean allowOutOfOrder,
        Optional<MigrationVersion> target,
        Optional<String> release,
        Optional<String> environment,
        String installedBy,
        boolean dryRun) {

    public RunSettings {
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        Objects.requireNonNull(lockWait, "lockWait");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(installedBy, "installedBy");
        if (lockRetries < 0) {
            throw new IllegalArgumentException("lockRetries must not be negative");
        }
    }

    public static RunSettings defaults(String installedBy) {
        return new RunSettings(Duration.ofSeconds(5), Optional.empty(), Duration.ofSeconds(60), 3, Duration.ofSeconds(1), false,
                Optional.empty(), Optional.empty(), Optional.empty(), installedBy, false);
    }

    public RunSettings withTarget(Optional<MigrationVersion> version) {
        return new RunSettings(lockTimeout, statementTimeout, lockWait, lockRetries, retryBackoff, allowOutOfOrder, version,
                release, environment, installedBy, dryRun);
    }

    public RunSettings withDryRun(boolean value) {
        return new RunSettings(lockTimeout, statementTimeout, lockWait, lockRetries, retryBackoff, allowOutOfOrder, target,
                release, environment, installedBy, value);
    }

    public RunSettings withLockWait(Duration wait) {
        return new RunSettings(lockTimeout, statementTimeout, wait, lockRetries, retryBackoff, allowOutOfOrder, target,
                release, environment, installedBy, dryRun);
    }

    public RunSettings withRetries(int retries, Duration backoff) {
        return new RunSettings(lockTimeout, statementTimeout, lockWait, retries, backoff, allowOutOfOrder, target,
                release, environment, installedBy, dryRun);
    }

    public RunSettings withAllowOutOfOrder(boolean allow) {
        return new RunSettings(lockTimeout, statementTimeout, lockWait, lockRetries, retryBackoff, allow, target,
                release, environment, installedBy, dryRun);
    }

    /** Settings for a run that belongs to a release in an environment, recorded in the history. */
    public RunSettings forRelease(String releaseVersion, String environmentName, String by) {
        return new RunSettings(lockTimeout, statementTimeout, lockWait, lockRetries, retryBackoff, allowOutOfOrder, target,
                Optional.of(releaseVersion), Optional.of(environmentName), by, dryRun);
    }
}
