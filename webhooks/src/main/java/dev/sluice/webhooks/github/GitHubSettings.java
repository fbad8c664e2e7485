package dev.sluice.webhooks.github;

import java.util.Objects;
import java.util.Optional;

/**
 * How to reach GitHub (CONTRACT §6): the API URL, and either a GitHub App (preferred: check runs,
 * short-lived installation tokens) or a token (commit statuses instead of check runs).
 *
 * @param privateKeyPem the App's private key, PEM (PKCS#1 as GitHub issues it, or PKCS#8)
 */
public record GitHubSettings(String apiUrl, Optional<Long> appId, Optional<String> privateKeyPem, Optional<String> token) {

    public static final String DEFAULT_API_URL = "https://api.github.com";

    public GitHubSettings {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        Objects.requireNonNull(token, "token");
        if (appId.isPresent() != privateKeyPem.isPresent()) {
            throw new IllegalArgumentException("a GitHub App needs both sluice.github.app-id and sluice.github.private-key");
        }
        if (appId.isEmpty() && token.isEmpty()) {
            throw new IllegalArgumentException("set sluice.github.app-id and sluice.github.private-key (a GitHub App), or sluice.github.token");
        }
    }

    public boolean isApp() {
        return appId.isPresent();
    }

    @Override
    public String toString() {
        return "GitHubSettings[" + apiUrl + ", " + (isApp() ? "app " + appId.get() : "token") + "]"; // never the secrets
    }
}
