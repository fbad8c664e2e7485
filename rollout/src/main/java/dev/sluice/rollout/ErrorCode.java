package dev.sluice.rollout;

/** What went wrong, for programs; the exception message says it for people. */
public enum ErrorCode {
    /** A migration file or configuration a person wrote is wrong: bad name, bad encoding, bad YAML. */
    INVALID_INPUT,
    /** Two migration files claim one version. */
    DUPLICATE_VERSION,
    /** An applied migration's file changed since. */
    CHECKSUM_MISMATCH,
    /** An applied migration's file is gone. */
    MISSING_FILE,
    /** A new version below the highest applied one, and out-of-order is not allowed. */
    OUT_OF_ORDER,
    /** A migration failed on the database. */
    MIGRATION_FAILED,
    /** Waited longer than lock_timeout for a lock, every attempt. */
    LOCK_TIMEOUT,
    /** The database's schema differs from the one recorded after Sluice last changed it. */
    SCHEMA_DRIFT
}
