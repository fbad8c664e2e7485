package dev.sluice.rollout.drift;

import java.util.Locale;

/** Why a snapshot was recorded; stored in lower case in {@code sluice.schema_snapshot.reason}. */
public enum SnapshotReason {
    /** After Sluice applied (or rolled back) migrations. */
    APPLY,
    /** After {@code baseline} marked a database Sluice never migrated. */
    BASELINE,
    /** Someone accepted the live schema, drift and all, as the new record. */
    ACCEPT;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SnapshotReason of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
