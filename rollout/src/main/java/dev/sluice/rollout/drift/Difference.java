package dev.sluice.rollout.drift;

import java.util.Objects;
import java.util.Optional;

/**
 * One way the live schema differs from the recorded one, in words ("column public.users.age
 * added: integer"), with the SQL that returns to the recorded schema where that is mechanical.
 */
public record Difference(ObjectKind kind, String name, Change change, String words, Optional<String> repairSql) {

    /** Relative to the recorded schema. */
    public enum Change {
        /** In the live schema, not in the record. */
        ADDED,
        /** In the record, gone from the live schema. */
        MISSING,
        /** In both, with other attributes. */
        CHANGED,
        /** An index left INVALID (a failed concurrent build): reported even when the record has it too. */
        INVALID
    }

    public Difference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(words, "words");
        Objects.requireNonNull(repairSql, "repairSql");
    }
}
