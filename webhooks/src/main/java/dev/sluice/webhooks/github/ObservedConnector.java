package dev.sluice.webhooks.github;

import java.io.IOException;
import java.util.regex.Pattern;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * The library's connector for one installation's client: writes go through the {@link WriteGate}
 * one at a time, and a {@link GitHubCallListener} hears about every call.
 */
record ObservedConnector(GitHubConnector delegate, GitHubCallListener listener, long installation, WriteGate gate)
        implements GitHubConnector {

    private static final Pattern TOKEN = Pattern.compile(".*/app/installations/\\d+/access_tokens");

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        // Minting an installation token is the App's own call, made on the way to a write: not gated.
        boolean write = !"GET".equals(request.method()) && !TOKEN.matcher(request.url().getPath()).matches();
        return write ? gate.serially(installation, () -> observed(request)) : observed(request);
    }

    private GitHubConnectorResponse observed(GitHubConnectorRequest request) throws IOException {
        GitHubConnectorResponse response;
        try {
            response = delegate.send(request);
        } catch (IOException | RuntimeException e) {
            listener.unanswered();
            throw e;
        }
        listener.answered(response.statusCode(), GitHubCallListener.remaining(response.header("x-ratelimit-remaining")));
        return response;
    }
}
