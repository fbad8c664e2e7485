package dev.sluice.webhooks.authz;

import java.util.Objects;

/** Whether someone may take an action, decided against GitHub at the moment they take it. */
public sealed interface Authorization {

    record Allowed() implements Authorization {
    }

    /** @param reason the reply's explanation: what the person has, and what the action needs */
    record Denied(String reason) implements Authorization {
        public Denied {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
