package dev.sluice.review;

import java.util.Locale;

/** Named rule sets, from the fewest rules to all of them. Each rule says from which set on it is enabled. */
public enum RuleSet {
    /** Only what breaks deployments or loses data. */
    RELAXED,
    /** What a careful reviewer would flag on any production database. */
    DEFAULT,
    /** Every rule, including conventions and advice. */
    STRICT;

    public boolean includes(RuleSet minimum) {
        return ordinal() >= minimum.ordinal();
    }

    public static RuleSet parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
