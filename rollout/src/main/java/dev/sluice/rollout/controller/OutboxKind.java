package dev.sluice.rollout.controller;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a report owed to GitHub is. The subject says which object it is about; the body carries
 * what cannot be read back from the controller's state (a reply's text, a label's name).
 */
public enum OutboxKind {
    /** Refresh the release's sticky comment. Subject: release version. Coalesces. */
    RELEASE_COMMENT,
    /** Refresh the {@code sluice/deploy: <env>} check run. Subject: {@code <version> <environment>}. Coalesces. */
    DEPLOY_CHECK,
    /** A comment on a pull request. Subject: its number; body: the text. */
    REPLY,
    /** Remove a label a user was not allowed to add. Subject: pull request number; body: label. */
    REMOVE_LABEL,
    /** Put back a label a user was not allowed to remove. Subject: pull request number; body: label. */
    ADD_LABEL,
    /** Tag the release's commit {@code sluice/<version>}. Subject: version; body: commit SHA. */
    TAG,
    /**
     * Open, update or close the GitHub issue about a drifted target database, from its drift
     * state. Subject: {@code <target>/<database>} ({@code <target>/} for a single database). Coalesces.
     */
    DRIFT_ISSUE;

    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static OutboxKind of(String word) {
        return Arrays.stream(values()).filter(kind -> kind.word().equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown outbox kind " + word));
    }

    boolean coalesces() {
        return this == RELEASE_COMMENT || this == DEPLOY_CHECK || this == DRIFT_ISSUE;
    }
}
