package dev.sluice.webhooks.github;

import java.util.Locale;
import org.kohsuke.github.HttpException;

/**
 * GitHub's refusal of a comment or issue body over its limit: 422 "Validation Failed" with
 * "body is too long (maximum is 65536 characters)". Sluice cuts bodies below the limit before
 * sending, but GitHub's count can differ from Java's (characters outside the Basic Multilingual
 * Plane, HTML entities); the caller then sends a short version instead of failing the report.
 */
public final class BodyTooLong {

    private BodyTooLong() {
    }

    public static boolean refused(Exception failure) {
        return failure instanceof HttpException http && http.getResponseCode() == 422 && http.getMessage() != null
                && http.getMessage().toLowerCase(Locale.ROOT).contains("too long");
    }
}
