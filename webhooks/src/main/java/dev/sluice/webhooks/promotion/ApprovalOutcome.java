package dev.sluice.webhooks.promotion;

import java.util.Objects;

/** What an approval (or its withdrawal) came to, with the reply that says so. */
public sealed interface ApprovalOutcome {

    String reply();

    /** Recorded or taken back (or it already stood, which changes nothing). */
    record Applied(String reply) implements ApprovalOutcome {
        public Applied {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** Refused: not allowed, or nothing to approve; written to the audit trail when a person was refused. */
    record Refused(String reply) implements ApprovalOutcome {
        public Refused {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** The environment needs no approval ({@code approval: auto}): nothing recorded. */
    record NotNeeded(String reply) implements ApprovalOutcome {
        public NotNeeded {
            Objects.requireNonNull(reply, "reply");
        }
    }
}
