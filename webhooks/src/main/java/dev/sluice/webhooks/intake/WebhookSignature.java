package dev.sluice.webhooks.intake;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks GitHub's {@code X-Hub-Signature-256}: HMAC-SHA256 of the exact bytes received, keyed with
 * the webhook secret, compared in constant time. Several secrets may be configured at once, so a
 * secret can be rotated without dropping deliveries.
 */
public final class WebhookSignature {

    private static final Pattern FORMAT = Pattern.compile("sha256=[0-9a-f]{64}");

    private final List<byte[]> secrets;

    public WebhookSignature(List<String> secrets) {
        if (secrets.isEmpty() || secrets.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("at least one non-empty webhook secret is required");
        }
        this.secrets = secrets.stream().map(secret -> secret.getBytes(StandardCharsets.UTF_8)).toList();
    }

    public SignatureCheck verify(byte[] body, String header) {
        if (header == null || header.isEmpty()) {
            return new SignatureCheck.Missing();
        }
        if (!FORMAT.matcher(header).matches()) {
            return new SignatureCheck.Malformed("expected sha256= and 64 lower-case hex digits");
        }
        byte[] received = HexFormat.of().parseHex(header.substring("sha256=".length()));
        for (byte[] secret : secrets) {
            if (MessageDigest.isEqual(hmac(secret, body), received)) {
                return new SignatureCheck.Valid();
            }
        }
        return new SignatureCheck.Mismatch();
    }

    /** {@code sha256=<hex>} for a body and secret, as GitHub computes it. */
    public static String sign(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    private static byte[] hmac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }
}
