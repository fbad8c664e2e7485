package dev.sluice.rollout.engine;

/** A version's state on one database, derived by joining the files with the database's history; never stored. */
public enum MigrationState {
    /** The file exists and the database does not have it yet. */
    PENDING,
    /** The newest history row is a success with the file's checksum. */
    APPLIED,
    /** The newest attempt failed; running again retries it. */
    FAILED,
    /** Applied, but the file changed since: the run stops. */
    CHECKSUM_MISMATCH,
    /** Applied, but its file is gone: the run stops. */
    MISSING_FILE,
    /** Not applied, and below the highest applied version: the run stops unless out-of-order is allowed. */
    OUT_OF_ORDER,
    /** Applied on the database, newer than every file here: a newer release ran; nothing to do. */
    FUTURE,
    /** At or below the database's baseline: counted as applied, never run. */
    BELOW_BASELINE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
