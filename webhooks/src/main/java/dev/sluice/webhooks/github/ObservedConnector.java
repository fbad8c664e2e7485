package dev.sluice.webhooks.github;

import java.io.IOException;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/** The library's connector, telling a {@link GitHubCallListener} about every call it sends. */
record ObservedConnector(GitHubConnector delegate, GitHubCallListener listener) implements GitHubConnector {

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
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
