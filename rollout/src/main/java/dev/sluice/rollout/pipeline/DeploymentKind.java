package dev.sluice.rollout.pipeline;

import java.util.Locale;

/** A deployment applies the release's migrations, or rolls an environment back with down migrations. */
public enum DeploymentKind {
    DEPLOY,
    ROLLBACK;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeploymentKind of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
