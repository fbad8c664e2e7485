package dev.sluice.webhooks.git;

import dev.sluice.rollout.config.ProjectConfig;
import java.util.Objects;

/** {@code sluice.yaml} as read at some commit: its text (kept with a release) and what it says. */
public record PolicyFile(String text, ProjectConfig config) {

    public PolicyFile {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(config, "config");
    }

    /** The migrations folder, without a leading {@code ./} or trailing slashes. */
    public String folder() {
        return MigrationFolder.normalise(config.migrations());
    }
}
