package dev.sluice.webhooks.intake;

/** What to do with a webhook request. */
public sealed interface IntakeDecision {

    /** Record it (before answering 202) and process it afterwards. */
    record Accept(Delivery delivery) implements IntakeDecision {
    }

    /** Answer 200 and do nothing: ping, an event Sluice does not act on, a repository it does not serve. */
    record Ignore(String reason) implements IntakeDecision {
    }

    /** Answer with this status and do nothing: a bad signature (401) or a malformed request (400). */
    record Reject(int status, String reason) implements IntakeDecision {
    }
}
