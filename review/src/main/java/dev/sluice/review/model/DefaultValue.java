package dev.sluice.review.model;

/**
 * A column default as written, with what the review can tell about it.
 *
 * @param text       the expression as written
 * @param volatility whether PostgreSQL must evaluate it per row (which forces a table rewrite on ADD COLUMN)
 * @param isNull     the default is a plain NULL
 */
public record DefaultValue(String text, Volatility volatility, boolean isNull) {

    public enum Volatility {
        /** Constants and stable functions such as now(): evaluated once, no rewrite on PostgreSQL 11+. */
        CONSTANT,
        /** Functions such as random(), gen_random_uuid(), clock_timestamp() or nextval(): one value per row. */
        VOLATILE,
        /** Calls a function the review does not know; whether it rewrites depends on that function's volatility. */
        UNKNOWN
    }
}
