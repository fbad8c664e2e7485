package dev.sluice.rollout.drift;

import java.util.Locale;

/** The kinds of database object a schema snapshot records, in the order differences are listed. */
public enum ObjectKind {
    EXTENSION,
    SCHEMA,
    ENUM,
    DOMAIN,
    COMPOSITE_TYPE,
    SEQUENCE,
    TABLE,
    COLUMN,
    CONSTRAINT,
    INDEX,
    VIEW,
    MATERIALIZED_VIEW,
    FUNCTION,
    PROCEDURE,
    TRIGGER,
    POLICY;

    /** How it is named in words: "materialized view", "composite type". */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
