package dev.sluice.review.directive;

import dev.sluice.review.sql.Comment;
import dev.sluice.review.sql.SplitFile;
import dev.sluice.review.sql.SqlStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code -- sluice:} directives of one file (CONTRACT §3): rules ignored for the next statement
 * or the whole file, {@code transaction off}, and the lock and statement timeouts. Shared by the
 * review and the migration engine, so both read a file the same way.
 */
public record Directives(
        List<Ignore> ignores,
        boolean transactionOff,
        Optional<Duration> lockTimeout,
        Optional<Duration> statementTimeout,
        List<Problem> problems) {

    /**
     * An ignore directive.
     *
     * @param offset    where the comment starts
     * @param rules     the rule ids it names
     * @param statement the statement it applies to, or -1 for {@code ignore-file}
     */
    public record Ignore(int offset, Set<String> rules, int statement) {
        public Ignore {
            rules = Set.copyOf(rules);
        }

        public boolean wholeFile() {
            return statement < 0;
        }
    }

    /** A directive that could not be read. */
    public record Problem(int offset, String message) {
    }

    private static final Pattern DIRECTIVE = Pattern.compile("^sluice:\\s*([a-z-]+)\\s*(.*)$");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min|h|d)?");

    public Directives {
        ignores = List.copyOf(ignores);
        problems = List.copyOf(problems);
    }

    public static Directives of(SplitFile file) {
        List<Ignore> ignores = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        boolean transactionOff = false;
        Duration lockTimeout = null;
        Duration statementTimeout = null;
        for (Comment comment : file.comments()) {
            if (!comment.lineComment()) {
                continue;
            }
            Matcher matcher = DIRECTIVE.matcher(comment.text());
            if (!matcher.matches()) {
                continue;
            }
            String name = matcher.group(1);
            String argument = matcher.group(2);
            int trailingComment = argument.indexOf("--");
            argument = (trailingComment >= 0 ? argument.substring(0, trailingComment) : argument).strip();
            switch (name) {
                case "ignore" -> {
                    int statement = statementFor(file.statements(), comment.start());
                    Set<String> rules = ruleList(argument);
                    if (rules.isEmpty()) {
                        problems.add(new Problem(comment.start(), "sluice:ignore names no rule"));
                    } else if (statement < 0) {
                        problems.add(new Problem(comment.start(), "sluice:ignore has no statement after it"));
                    } else {
                        ignores.add(new Ignore(comment.start(), rules, statement));
                    }
                }
                case "ignore-file" -> {
                    Set<String> rules = ruleList(argument);
                    if (rules.isEmpty()) {
                        problems.add(new Problem(comment.start(), "sluice:ignore-file names no rule"));
                    } else {
                        ignores.add(new Ignore(comment.start(), rules, -1));
                    }
                }
                case "transaction" -> {
                    if (argument.equalsIgnoreCase("off")) {
                        transactionOff = true;
                    } else {
                        problems.add(new Problem(comment.start(), "sluice:transaction takes only 'off', not '" + argument + "'"));
                    }
                }
                case "lock-timeout", "statement-timeout" -> {
                    Optional<Duration> duration = parseDuration(argument);
                    if (duration.isEmpty()) {
                        problems.add(new Problem(comment.start(), "sluice:" + name + " needs a duration such as 500ms, 5s, "
                                + "2min or 1h, not '" + argument + "'"));
                    } else if (name.equals("lock-timeout")) {
                        lockTimeout = duration.get();
                    } else {
                        statementTimeout = duration.get();
                    }
                }
                default -> problems.add(new Problem(comment.start(), "unknown directive sluice:" + name
                        + " (known: ignore, ignore-file, transaction, lock-timeout, statement-timeout)"));
            }
        }
        return new Directives(ignores, transactionOff, Optional.ofNullable(lockTimeout),
                Optional.ofNullable(statementTimeout), problems);
    }

    /** The statement a comment applies to: the one containing it, or else the next one. */
    private static int statementFor(List<SqlStatement> statements, int offset) {
        for (SqlStatement statement : statements) {
            if (statement.end() > offset) {
                return statement.index();
            }
        }
        return -1;
    }

    private static Set<String> ruleList(String argument) {
        Set<String> rules = new LinkedHashSet<>();
        for (String part : argument.split("[,\\s]+")) {
            if (!part.isBlank()) {
                rules.add(part.strip().toLowerCase(Locale.ROOT));
            }
        }
        return rules;
    }

    /** PostgreSQL-style durations: {@code 500ms}, {@code 5s}, {@code 2min}, {@code 1h}, {@code 1d}; a bare number is milliseconds. */
    public static Optional<Duration> parseDuration(String text) {
        Matcher matcher = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
        return Optional.of(switch (unit) {
            case "s" -> Duration.ofSeconds(amount);
            case "min" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofMillis(amount);
        });
    }
}
