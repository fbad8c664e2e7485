package dev.sluice.webhooks.promotion;

import dev.sluice.rollout.config.ProjectConfig;
import dev.sluice.rollout.release.Release;
import java.util.Objects;
import java.util.Optional;

/** What an approval of a pull request is given to. */
public sealed interface ApprovalTarget {

    /**
     * @param digest  the release's digest, or before the merge the head's migration digest
     * @param subject the target in words ("release 20261121.1", "the migrations at abc1234")
     */
    record Digest(ProjectConfig policy, String digest, Optional<Release> release, String author, String subject)
            implements ApprovalTarget {
        public Digest {
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(release, "release");
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(subject, "subject");
        }
    }

    /** Nothing can be approved now; {@code reason} says why. */
    record Unavailable(String reason) implements ApprovalTarget {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
