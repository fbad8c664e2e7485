package dev.sluice.rollout.engine;

import java.util.Objects;

/** A migration file's name and text, from a folder, a release or the class path. */
public record MigrationSource(String fileName, String text) {

    public MigrationSource {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(text, "text");
    }
}
