package dev.sluice.app.webhook;

import dev.sluice.rollout.controller.Outbox;
import dev.sluice.rollout.pipeline.Deployments;
import dev.sluice.rollout.release.Releases;
import dev.sluice.webhooks.commands.AnswerComments;
import dev.sluice.webhooks.report.SendReports;
import dev.sluice.webhooks.git.RepositoryMirrors;
import dev.sluice.webhooks.github.GitHubClients;
import dev.sluice.webhooks.github.GitHubSettings;
import dev.sluice.webhooks.review.Planner;
import dev.sluice.webhooks.review.ReviewPullRequest;
import dev.sluice.webhooks.review.ReviewReporter;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The GitHub side, when it is configured (CONTRACT §6): clients for the App or the token,
 * repository mirrors, and the handlers that act on GitHub.
 */
@Factory
@Requires(condition = GitHubConfigured.class)
final class GitHubConfiguration {

    @Singleton
    GitHubClients gitHubClients(@Property(name = "sluice.github.api-url") @Nullable String apiUrl,
            @Property(name = "sluice.github.app-id") @Nullable Long appId,
            @Property(name = "sluice.github.private-key") @Nullable String privateKey,
            @Property(name = "sluice.github.token") @Nullable String token,
            Clock clock) {
        return new GitHubClients(new GitHubSettings(apiUrl == null || apiUrl.isBlank() ? GitHubSettings.DEFAULT_API_URL : apiUrl,
                Optional.ofNullable(appId), Optional.ofNullable(privateKey).filter(key -> !key.isBlank()),
                Optional.ofNullable(token).filter(value -> !value.isBlank())), clock);
    }

    @Singleton
    RepositoryMirrors repositoryMirrors(@Property(name = "sluice.github.clone-url") @Nullable String cloneUrl,
            @Property(name = "sluice.git.mirrors") @Nullable String mirrors) {
        Path folder = mirrors == null || mirrors.isBlank()
                ? Path.of(System.getProperty("user.home"), ".sluice", "git") : Path.of(mirrors);
        return new RepositoryMirrors(folder, cloneUrl == null || cloneUrl.isBlank() ? "https://github.com/{owner}/{repo}.git" : cloneUrl);
    }

    @Singleton
    ReviewPullRequest reviewPullRequest(GitHubClients clients, RepositoryMirrors mirrors, Targets targets,
            @Property(name = "sluice.review.drafts", defaultValue = "false") boolean drafts) {
        return new ReviewPullRequest(clients, mirrors, new ReviewReporter(), new Planner(targets.all()), drafts);
    }

    @Singleton
    SendReports sendReports(Outbox outbox, Releases releases, Deployments deployments, GitHubClients clients, Clock clock) {
        return new SendReports(outbox, releases, deployments, clients, clock);
    }

    @Singleton
    AnswerComments answerComments(GitHubClients clients, ReviewPullRequest review) {
        return new AnswerComments(clients, review);
    }
}
