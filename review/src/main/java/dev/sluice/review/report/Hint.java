package dev.sluice.review.report;

/** A finding's hint split into its advice and the SQL that follows it, for formats that show code apart. */
record Hint(String advice, String sql) {

    static Hint of(String hint) {
        int newline = hint.indexOf('\n');
        if (newline < 0) {
            return new Hint(hint, "");
        }
        return new Hint(hint.substring(0, newline).strip(), hint.substring(newline + 1).strip());
    }
}
