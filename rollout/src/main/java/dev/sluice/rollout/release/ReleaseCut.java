package dev.sluice.rollout.release;

/** What cutting a release did. */
public sealed interface ReleaseCut {

    Release release();

    /** A new release, with a deployment waiting in every environment. */
    record Created(Release release) implements ReleaseCut {
    }

    /** The commit already has its release (a redelivered or duplicated merge event): nothing new. */
    record AlreadyCut(Release release) implements ReleaseCut {
    }
}
