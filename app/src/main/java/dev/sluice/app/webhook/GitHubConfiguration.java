package dev.sluice.app.webhook;

import dev.sluice.app.ops.SluiceMetrics;
import dev.sluice.rollout.controller.Outbox;
import dev.sluice.rollout.drift.DriftStates;
import dev.sluice.rollout.pipeline.Deployments;
import dev.sluice.rollout.release.Releases;
import dev.sluice.app.pipeline.PipelineWorker;
import dev.sluice.rollout.pipeline.Approvals;
import dev.sluice.rollout.pipeline.Holds;
import dev.sluice.rollout.pipeline.Pipeline;
import dev.sluice.webhooks.authz.Authorizer;
import dev.sluice.rollout.drift.ControllerSnapshots;
import dev.sluice.rollout.drift.DriftChecker;
import dev.sluice.webhooks.commands.AnswerComments;
import dev.sluice.webhooks.commands.BaselineTarget;
import dev.sluice.webhooks.commands.ApproveEnvironment;
import dev.sluice.webhooks.commands.CommandRunner;
import dev.sluice.webhooks.commands.DeployToEnvironment;
import dev.sluice.webhooks.commands.PauseEnvironment;
import dev.sluice.webhooks.commands.PipelineCommands;
import dev.sluice.webhooks.commands.PipelineCommandsAdapter;
import dev.sluice.webhooks.commands.PlanPullRequest;
import dev.sluice.webhooks.commands.ResumeEnvironment;
import dev.sluice.webhooks.commands.RetryDeployment;
import dev.sluice.webhooks.commands.RollBackEnvironment;
import dev.sluice.webhooks.commands.ShowStatus;
import dev.sluice.webhooks.commands.UnapproveEnvironment;
import dev.sluice.webhooks.handle.DeliveryHandler;
import dev.sluice.webhooks.promotion.GiveApproval;
import dev.sluice.webhooks.promotion.PullRequestStages;
import dev.sluice.webhooks.promotion.WithdrawApproval;
import dev.sluice.webhooks.pullrequest.ApplyLabels;
import dev.sluice.webhooks.pullrequest.CutReleaseOnMerge;
import dev.sluice.webhooks.pullrequest.PullRequestEvents;
import dev.sluice.webhooks.pullrequest.VoidApprovalsOnPush;
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
import java.util.List;
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
            Clock clock, SluiceMetrics metrics, ReplicaWriteGate writes) {
        return new GitHubClients(new GitHubSettings(apiUrl == null || apiUrl.isBlank() ? GitHubSettings.DEFAULT_API_URL : apiUrl,
                Optional.ofNullable(appId), Optional.ofNullable(privateKey).filter(key -> !key.isBlank()),
                Optional.ofNullable(token).filter(value -> !value.isBlank())), clock, metrics, writes);
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
            @Property(name = "sluice.review.drafts", defaultValue = "false") boolean drafts, SluiceMetrics metrics) {
        return new ReviewPullRequest(clients, mirrors, new ReviewReporter(), new Planner(targets.all()), drafts, metrics);
    }

    @Singleton
    SendReports sendReports(Outbox outbox, Releases releases, Deployments deployments, DriftStates drift, GitHubClients clients,
            Clock clock) {
        return new SendReports(outbox, releases, deployments, drift, clients, clock);
    }

    @Singleton
    Authorizer authorizer(GitHubClients clients, Clock clock) {
        return new Authorizer(clients, clock);
    }

    @Singleton
    PullRequestStages pullRequestStages(GitHubClients clients, RepositoryMirrors mirrors, Releases releases) {
        return new PullRequestStages(clients, mirrors, releases);
    }

    @Singleton
    GiveApproval giveApproval(Approvals approvals, Authorizer authorizer, PipelineWorker pipeline) {
        return new GiveApproval(approvals, authorizer, pipeline::wake);
    }

    @Singleton
    WithdrawApproval withdrawApproval(Approvals approvals, Authorizer authorizer) {
        return new WithdrawApproval(approvals, authorizer);
    }

    /** The pull_request events: review, approvals voided by a push, the release a merge cuts, labels. */
    @Singleton
    DeliveryHandler pullRequestEvents(ReviewPullRequest review, GitHubClients clients, RepositoryMirrors mirrors, Approvals approvals,
            Outbox outbox, CutReleaseOnMerge cutRelease, PullRequestStages stages, GiveApproval give, WithdrawApproval withdraw,
            Holds holds, Authorizer authorizer, PipelineWorker pipeline) {
        return new PullRequestEvents(review, new VoidApprovalsOnPush(clients, mirrors, approvals, outbox), cutRelease,
                new ApplyLabels(stages, give, withdraw, holds, authorizer, outbox, pipeline::wake));
    }

    /** Registered for push (a merge or a direct push to the default branch) and used by pullRequestEvents for merges. */
    @Singleton
    CutReleaseOnMerge cutReleaseOnMerge(GitHubClients clients, RepositoryMirrors mirrors, Releases releases, Outbox outbox,
            @Property(name = "sluice.releases.tag", defaultValue = "false") boolean tag, PipelineWorker pipeline) {
        return new CutReleaseOnMerge(clients, mirrors, releases, outbox, tag, pipeline::wake);
    }

    @Singleton
    AnswerComments answerComments(GitHubClients clients, ReviewPullRequest review, PullRequestStages stages, GiveApproval give,
            WithdrawApproval withdraw, Authorizer authorizer, Pipeline pipeline, Deployments deployments, Holds holds, Outbox outbox,
            PipelineWorker worker, DriftChecker drift, ControllerSnapshots snapshots, DriftStates driftStates) {
        PipelineCommands commands = new PipelineCommandsAdapter(pipeline);
        Runnable wake = worker::wake;
        List<CommandRunner> runners = List.of(
                new PlanPullRequest(clients, review),
                new ShowStatus(stages, deployments, holds, driftStates),
                new ApproveEnvironment(stages, give),
                new UnapproveEnvironment(stages, withdraw),
                new DeployToEnvironment(stages, authorizer, commands, wake),
                new RetryDeployment(stages, authorizer, commands, wake),
                new RollBackEnvironment(stages, authorizer, commands, wake),
                new PauseEnvironment(stages, authorizer, commands, wake),
                new ResumeEnvironment(stages, authorizer, commands, wake),
                new BaselineTarget(stages, authorizer, drift, snapshots));
        return new AnswerComments(outbox, runners);
    }
}
