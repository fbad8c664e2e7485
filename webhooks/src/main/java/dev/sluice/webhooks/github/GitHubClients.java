package dev.sluice.webhooks.github;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.authorization.AppInstallationAuthorizationProvider;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.extras.HttpClientGitHubConnector;
import org.kohsuke.github.extras.authorization.JWTTokenProvider;

/**
 * GitHub clients, one per installation (GitHub App) or one for the token. Installation tokens are
 * minted by the library's installation authorization provider and reused until shortly before
 * they expire. Rate limits throw {@link GitHubBusy} instead of sleeping.
 */
public final class GitHubClients {

    private final GitHubSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final GitHubConnector connector;
    private final GitHubCallListener calls;
    private final WriteGate gate;
    private final Map<Long, Installation> byInstallation = new ConcurrentHashMap<>();
    private volatile GitHub tokenClient;

    public GitHubClients(GitHubSettings settings, Clock clock) {
        this(settings, clock, GitHubCallListener.NONE);
    }

    public GitHubClients(GitHubSettings settings, Clock clock, GitHubCallListener calls) {
        this(settings, clock, calls, WriteGate.inProcess());
    }

    public GitHubClients(GitHubSettings settings, Clock clock, GitHubCallListener calls, WriteGate gate) {
        this.settings = settings;
        this.calls = calls;
        this.gate = gate;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.connector = new HttpClientGitHubConnector(http);
    }

    /** The REST API's base URL ({@code sluice.github.api-url}), for the few calls the library lacks. */
    public String apiUrl() {
        return settings.apiUrl().replaceAll("/+$", "");
    }

    public boolean usesChecks() {
        return settings.isApp();
    }

    /** The client to act for an installation (the installation is ignored with a token). */
    public GitHub forInstallation(long installation) {
        if (!settings.isApp()) {
            GitHub client = tokenClient;
            if (client == null) {
                client = build(new GitHubBuilder().withOAuthToken(settings.token().orElseThrow()), 0);
                tokenClient = client;
            }
            return client;
        }
        return installation(installation).client();
    }

    /**
     * A token for git over HTTPS and for REST calls the library lacks: the installation's (cached
     * until shortly before it expires), or the configured one.
     */
    public String gitToken(long installation) {
        if (!settings.isApp()) {
            return settings.token().orElseThrow();
        }
        try {
            return installation(installation).provider().getEncodedAuthorization().replaceFirst("^token ", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot get a token for installation " + installation, e);
        }
    }

    /**
     * A DELETE whose path segments are percent-encoded one by one. github-api 1.330 leaves a '/' in a
     * segment as it is (it encodes the joined path), so {@code DELETE .../labels/db:apply prod/eu}
     * would reach another URL, answer 404 and pass for "already absent". Returns the HTTP status;
     * rate limits throw {@link GitHubBusy} like the library's calls.
     */
    public int delete(long installation, List<String> segments) throws IOException {
        StringBuilder path = new StringBuilder(settings.apiUrl().replaceAll("/+$", ""));
        segments.forEach(segment -> path.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20")));
        HttpRequest request = HttpRequest.newBuilder(URI.create(path.toString()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization(installation))
                .header("Accept", "application/vnd.github+json")
                .DELETE()
                .build();
        HttpResponse<String> response;
        try {
            response = gate.serially(settings.isApp() ? installation : 0, () -> {
                try {
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while calling GitHub");
                }
            });
        } catch (IOException e) {
            calls.unanswered();
            throw e;
        }
        calls.answered(response.statusCode(), GitHubCallListener.remaining(response.headers().firstValue("x-ratelimit-remaining").orElse(null)));
        int status = response.statusCode();
        if (status == 403 || status == 429) {
            Function<String, String> headers = name -> response.headers().firstValue(name).orElse(null);
            if ("0".equals(headers.apply("x-ratelimit-remaining"))) {
                throw BusyHandlers.primaryBusy(headers, clock);
            }
            if (headers.apply("retry-after") != null || response.body().toLowerCase(Locale.ROOT).contains("secondary rate limit")) {
                throw BusyHandlers.secondaryBusy(headers, clock);
            }
        }
        return status;
    }

    private String authorization(long installation) throws IOException {
        return settings.isApp() ? installation(installation).provider().getEncodedAuthorization() : "token " + settings.token().orElseThrow();
    }

    private record Installation(GitHub client, AppInstallationAuthorizationProvider provider) {
    }

    private Installation installation(long id) {
        return byInstallation.computeIfAbsent(id, key -> {
            try {
                JWTTokenProvider jwt = new JWTTokenProvider(Long.toString(settings.appId().orElseThrow()),
                        PemKeys.read(settings.privateKeyPem().orElseThrow()));
                AppInstallationAuthorizationProvider provider = new AppInstallationAuthorizationProvider(
                        app -> app.getInstallationById(key), jwt);
                return new Installation(build(new GitHubBuilder().withAuthorizationProvider(provider), key), provider);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("sluice.github.private-key is not a readable RSA private key: " + e.getMessage(), e);
            }
        });
    }

    /** A client whose writes go through the gate of {@code installation} (0 with a token: one gate for all). */
    private GitHub build(GitHubBuilder builder, long installation) {
        try {
            return builder.withEndpoint(settings.apiUrl())
                    .withConnector(new ObservedConnector(connector, calls, installation, gate))
                    .withRateLimitHandler(BusyHandlers.primary(clock))
                    .withAbuseLimitHandler(BusyHandlers.secondary(clock))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach GitHub at " + settings.apiUrl(), e);
        }
    }
}
