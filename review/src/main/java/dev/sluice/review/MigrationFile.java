package dev.sluice.review;

import java.util.Objects;

/** A migration file to review: its path (as shown in findings) and its text. */
public record MigrationFile(String path, String text) {

    public MigrationFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }
}
