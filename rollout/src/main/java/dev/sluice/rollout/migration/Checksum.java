package dev.sluice.rollout.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The checksum of a migration script, tagged with its algorithm ({@code sha256:<hex>}) so the
 * algorithm can change later without invalidating recorded history.
 *
 * <p>Computed over the text with a leading byte-order mark removed and CRLF line endings turned
 * into LF, so the same script checked out on Windows and on Linux has one checksum.
 */
public record Checksum(String value) {

    private static final Pattern FORMAT = Pattern.compile("sha256:[0-9a-f]{64}");

    public Checksum {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a sha256:<64 hex digits> checksum: " + value);
        }
    }

    public static Checksum of(String scriptText) {
        String normalized = scriptText;
        if (normalized.startsWith("\uFEFF")) {
            normalized = normalized.substring(1);
        }
        normalized = normalized.replace("\r\n", "\n");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return new Checksum("sha256:" + HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
