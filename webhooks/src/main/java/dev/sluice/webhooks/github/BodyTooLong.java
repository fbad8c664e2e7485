package dev.sluice.webhooks.github;

import java.io.IOException;
import java.util.Locale;
import java.util.function.Supplier;
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

    /** Sends a body to GitHub (posts or edits a comment). */
    @FunctionalInterface
    public interface Send<T> {
        T send(String body) throws IOException;
    }

    /** Sends {@code body}, or {@code shortened} when GitHub refuses the body as too long. */
    public static <T> T sendOrShorten(String body, Supplier<String> shortened, Send<T> send) throws IOException {
        try {
            return send.send(body);
        } catch (HttpException refusal) {
            if (!refused(refusal)) {
                throw refusal;
            }
            return send.send(shortened.get());
        }
    }

    public static boolean refused(Exception failure) {
        return failure instanceof HttpException http && http.getResponseCode() == 422 && http.getMessage() != null
                && http.getMessage().toLowerCase(Locale.ROOT).contains("too long");
    }
}
