package dev.sluice.rollout.release;

import dev.sluice.rollout.config.ProjectConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a merge brings to cut a release from.
 *
 * @param policy     the parsed {@code policyText}; its environments become the release's deployments
 * @param tag        whether to tag the commit {@code sluice/<version>} on GitHub
 */
public record NewRelease(String repository, String commitSha, Optional<Integer> pullRequest, Optional<String> author,
        long installation, String policyText, ProjectConfig policy, List<ReleaseFile> files, boolean tag) {

    public NewRelease {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(commitSha, "commitSha");
        Objects.requireNonNull(pullRequest, "pullRequest");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(policyText, "policyText");
        Objects.requireNonNull(policy, "policy");
        files = List.copyOf(files);
    }
}
