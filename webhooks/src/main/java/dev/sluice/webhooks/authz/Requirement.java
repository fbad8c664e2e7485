package dev.sluice.webhooks.authz;

import java.util.List;
import java.util.Objects;

/** What an action asks of the person taking it. */
public sealed interface Requirement {

    /** The action in words, for the reply when it is denied ("approving staging"). */
    String action();

    /** Write access to the repository (GitHub's write, maintain or admin role). */
    record WriteAccess(String action) implements Requirement {
        public WriteAccess {
            Objects.requireNonNull(action, "action");
        }
    }

    /**
     * Write access, and being one of an environment's approvers: a login, or a member of a team
     * written {@code @org/team-slug}.
     */
    record Approver(String action, String environment, List<String> approvers) implements Requirement {
        public Approver {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(environment, "environment");
            approvers = List.copyOf(approvers);
        }
    }
}
