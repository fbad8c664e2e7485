package dev.sluice.app.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * With {@code sluice.api.token} set, every {@code /api} request needs {@code Authorization: Bearer
 * <token>}; otherwise 401. /health, /prometheus, the webhook (signed) and the dashboard page stay open.
 */
@ServerFilter("/api/**")
@Requires(property = "sluice.api.token", pattern = ".*\\S.*")
final class ApiTokenFilter {

    private static final String BEARER = "Bearer ";

    private final byte[] expected;

    ApiTokenFilter(@Value("${sluice.api.token}") String token) {
        this.expected = sha256(token.strip());
    }

    @RequestFilter
    @Nullable
    HttpResponse<ApiError> authorize(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                // Compared as digests: equal lengths, so the time taken says nothing about the token or its length.
                && MessageDigest.isEqual(expected, sha256(header.substring(BEARER.length()).strip()))) {
            return null;
        }
        return HttpResponse.<ApiError>status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sluice\"")
                .body(new ApiError(401, header == null ? "this API needs Authorization: Bearer <sluice.api.token>"
                        : "the bearer token is not the API token"));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
