package dev.sluice.rollout.migration;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A migration version: digits in dot- or underscore-separated parts ({@code 3}, {@code 1.2},
 * {@code 20261121093000}), compared numerically part by part; missing parts count as zero, so
 * {@code 1} and {@code 1.0} are the same version.
 */
public record MigrationVersion(String text, List<BigInteger> parts) implements Comparable<MigrationVersion> {

    private static final Pattern FORMAT = Pattern.compile("\\d+([._]\\d+)*");

    public MigrationVersion {
        Objects.requireNonNull(text, "text");
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a version has at least one part");
        }
    }

    public static MigrationVersion parse(String text) {
        if (!FORMAT.matcher(text).matches()) {
            throw new IllegalArgumentException("not a version (digits in dot- or underscore-separated parts): " + text);
        }
        List<BigInteger> parts = new ArrayList<>();
        for (String part : text.split("[._]")) {
            parts.add(new BigInteger(part));
        }
        return new MigrationVersion(text, parts);
    }

    @Override
    public int compareTo(MigrationVersion other) {
        int length = Math.max(parts.size(), other.parts.size());
        for (int i = 0; i < length; i++) {
            BigInteger mine = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger theirs = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
            int compared = mine.compareTo(theirs);
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
    }

    /** Equal when they compare equal: {@code 1.0} equals {@code 1}. */
    @Override
    public boolean equals(Object other) {
        return other instanceof MigrationVersion version && compareTo(version) == 0;
    }

    @Override
    public int hashCode() {
        int last = parts.size();
        while (last > 1 && parts.get(last - 1).signum() == 0) {
            last--;
        }
        return parts.subList(0, last).hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
