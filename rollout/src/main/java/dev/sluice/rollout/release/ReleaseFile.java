package dev.sluice.rollout.release;

import dev.sluice.rollout.migration.Checksum;
import java.util.Objects;

/** A migration file as a release holds it: its name in the migrations folder, checksum and text. */
public record ReleaseFile(String name, Checksum checksum, String content) {

    public ReleaseFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(content, "content");
    }

    public static ReleaseFile of(String name, String content) {
        return new ReleaseFile(name, Checksum.of(content), content);
    }
}
