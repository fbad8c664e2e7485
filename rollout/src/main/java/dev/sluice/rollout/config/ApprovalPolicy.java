package dev.sluice.rollout.config;

import java.util.List;

/** Placeholder until the policy parser lands (wt-config). */
public sealed interface ApprovalPolicy {

    record Auto() implements ApprovalPolicy {
    }

    record Approvers(List<String> approvers, int required, boolean allowAuthor) implements ApprovalPolicy {
        public Approvers {
            approvers = List.copyOf(approvers);
        }
    }
}
