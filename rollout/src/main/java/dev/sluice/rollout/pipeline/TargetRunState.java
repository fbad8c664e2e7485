package dev.sluice.rollout.pipeline;

import java.util.Locale;

/** Where one database of a deployment stands. */
public enum TargetRunState {
    PENDING,
    /** Started; after a crash it is checked against the database's own history before anything runs again. */
    RUNNING,
    SUCCEEDED,
    FAILED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TargetRunState of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
