package dev.sluice.rollout.release;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * The digest of a set of migration files: SHA-256 over each file's name and checksum, in name
 * order, tagged with its algorithm. The same files give the same digest wherever they come from (a
 * pull request's head or a release), which is what lets an approval given before the merge count
 * for the release, and a push that changes the migrations void it.
 */
public final class ReleaseDigest {

    private ReleaseDigest() {
    }

    public static String of(Collection<ReleaseFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.stream().sorted(Comparator.comparing(ReleaseFile::name)).forEach(file -> {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.checksum().value().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            });
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** The first 12 hex digits, for messages. */
    public static String shortForm(String digest) {
        String hex = digest.substring(digest.indexOf(':') + 1);
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
