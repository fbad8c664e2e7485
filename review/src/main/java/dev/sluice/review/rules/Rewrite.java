package dev.sluice.review.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Mechanical rewrites of a statement's text, for hints. */
public final class Rewrite {

    private Rewrite() {
    }

    /** Inserts {@code addition} after the first whole-word, case-insensitive match of {@code word}. */
    public static String insertAfterWord(String statement, String word, String addition) {
        Matcher matcher = Pattern.compile("(?i)\\b" + Pattern.quote(word) + "\\b").matcher(statement);
        if (!matcher.find()) {
            return statement;
        }
        return statement.substring(0, matcher.end()) + " " + addition + statement.substring(matcher.end());
    }

    /** The statement with a terminating semicolon, for showing as a line of SQL. */
    public static String terminated(String statement) {
        String trimmed = statement.strip();
        return trimmed.endsWith(";") ? trimmed : trimmed + ";";
    }
}
