package dev.sluice.rollout.pipeline;

/** What giving an approval did. */
public sealed interface ApprovalResult {

    record Recorded(Approval approval) implements ApprovalResult {
    }

    /** The same person already approved the same digest for the environment: nothing changed. */
    record AlreadyGiven(Approval approval) implements ApprovalResult {
    }
}
