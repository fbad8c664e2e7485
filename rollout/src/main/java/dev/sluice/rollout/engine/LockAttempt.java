package dev.sluice.rollout.engine;

import java.time.Instant;
import java.util.Optional;

/** The outcome of asking for a database's migration lock: held now, or held by someone else, named. */
public sealed interface LockAttempt {

    record Acquired() implements LockAttempt {
    }

    /**
     * Another session holds the lock.
     *
     * @param pid             its backend process id
     * @param applicationName what it calls itself (Sluice runners say {@code sluice migrate ...})
     * @param since           when that session connected
     */
    record Busy(int pid, String applicationName, Optional<Instant> since) implements LockAttempt {
        public String describe() {
            return "pid " + pid + (applicationName.isBlank() ? "" : ", application_name '" + applicationName + "'")
                    + since.map(at -> ", connected since " + at).orElse("");
        }
    }
}
