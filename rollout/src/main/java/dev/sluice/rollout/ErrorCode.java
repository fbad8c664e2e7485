package dev.sluice.rollout;

/** What went wrong, for programs; the exception message says it for people. */
public enum ErrorCode {
    /** A migration file or configuration a person wrote is wrong: bad name, bad encoding, bad YAML. */
    INVALID_INPUT,
    /** Two migration files claim one version. */
    DUPLICATE_VERSION
}
