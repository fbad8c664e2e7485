package dev.sluice.rollout.release;

import dev.sluice.rollout.config.ProjectConfig;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable release: the migrations folder at a merge commit, the digest over it, where it came
 * from, and the policy (sluice.yaml at that commit) that governs its promotion.
 */
public record Release(long id, String repository, String version, String commitSha, String digest, Optional<Integer> pullRequest,
        Optional<String> author, long installation, String policyText, Instant createdAt, List<ReleaseFile> files) {

    public Release {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(commitSha, "commitSha");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(pullRequest, "pullRequest");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(policyText, "policyText");
        Objects.requireNonNull(createdAt, "createdAt");
        files = List.copyOf(files);
    }

    /** The policy the release was cut with; it was valid then, so it parses now. */
    public ProjectConfig policy() {
        return ProjectConfig.parse(policyText, "sluice.yaml of release " + version);
    }

    @Override
    public String toString() {
        return "Release[" + repository + " " + version + " at " + commitSha + "]";
    }
}
