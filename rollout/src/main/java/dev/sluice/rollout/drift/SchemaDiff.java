package dev.sluice.rollout.drift;

/** SKELETON: the comparison is being written on wt-drift. */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    public static Drift compare(SchemaSnapshot recorded, SchemaSnapshot live) {
        throw new UnsupportedOperationException("being written");
    }
}
