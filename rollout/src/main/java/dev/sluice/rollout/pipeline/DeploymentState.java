package dev.sluice.rollout.pipeline;

import java.util.Locale;

/** Where a deployment stands. */
public enum DeploymentState {
    /** Its gate is closed: earlier environment, approvals, soak, window, pause, hold or a release ahead of it. */
    WAITING,
    /** The gate opened; a controller will pick it up. */
    READY,
    /** A controller is migrating its databases. */
    RUNNING,
    SUCCEEDED,
    /** A database failed: the environment stops, and so do later environments and releases, until a retry succeeds. */
    FAILED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeploymentState of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
