package dev.sluice.webhooks.promotion;

import dev.sluice.rollout.release.Release;
import java.util.Objects;

/** Where a pull request stands for promotion commands. */
public sealed interface Stage {

    /** Merged, with its release: commands act on the release, under the release's policy. */
    record Merged(Release release) implements Stage {
        public Merged {
            Objects.requireNonNull(release, "release");
        }
    }

    /** Not merged yet: approvals bind to the head's migration digest, under the default branch's policy. */
    record Open(PullRequestFacts facts) implements Stage {
        public Open {
            Objects.requireNonNull(facts, "facts");
        }
    }

    /** Closed without merging, or merged without a release: nothing to approve or deploy; {@code why} says which. */
    record Closed(String why) implements Stage {
        public Closed {
            Objects.requireNonNull(why, "why");
        }
    }
}
