package dev.sluice.webhooks.commands;

import dev.sluice.webhooks.handle.HandlerResult;
import java.util.Objects;

/**
 * What running a command came to. A refusal is a normal answer the person can act on (no
 * permission, wrong environment, not merged yet); an outage is not a result but an
 * {@link java.io.IOException}, and the delivery is tried again.
 */
public sealed interface CommandResult {

    /** Done; the reply says what happened. */
    record Done(String reply) implements CommandResult {
        public Done {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** Nothing was done; the reply says why. */
    record Refused(String reply) implements CommandResult {
        public Refused {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** The command reports somewhere else (plan edits the review comment): no reply. */
    record Reported(String summary) implements CommandResult {
        public Reported {
            Objects.requireNonNull(summary, "summary");
        }
    }

    /** The command could not finish now (git or GitHub unavailable): the delivery is retried or parked as this says. */
    record Deferred(HandlerResult result) implements CommandResult {
        public Deferred {
            Objects.requireNonNull(result, "result");
        }
    }
}
