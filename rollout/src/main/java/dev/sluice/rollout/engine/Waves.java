package dev.sluice.rollout.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a database group is rolled out: wave sizes, each a count or a percentage of the group, read
 * as cumulative marks ({@code [1, 10%, 100%]}: one canary, then up to 10% of the group, then the
 * rest). The last wave always takes whatever is left.
 */
public record Waves(List<String> sizes) {

    public static final Waves ALL_AT_ONCE = new Waves(List.of("100%"));

    public Waves {
        sizes = List.copyOf(sizes);
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("at least one wave");
        }
        for (String size : sizes) {
            mark(size, 100);
        }
    }

    /** Reads {@code [1, 10%, 100%]} or {@code 1,10%,100%}. */
    public static Waves parse(String text) {
        String inner = text.strip();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        List<String> sizes = new ArrayList<>();
        for (String part : inner.split(",")) {
            if (!part.isBlank()) {
                sizes.add(part.strip());
            }
        }
        return new Waves(sizes);
    }

    /** The databases of each wave, in order; no wave is empty. */
    public <T> List<List<T>> split(List<T> all) {
        Objects.requireNonNull(all, "all");
        List<List<T>> waves = new ArrayList<>();
        int done = 0;
        for (int i = 0; i < sizes.size() && done < all.size(); i++) {
            int upTo = i == sizes.size() - 1 ? all.size() : Math.min(all.size(), Math.max(done + 1, mark(sizes.get(i), all.size())));
            if (upTo > done) {
                waves.add(all.subList(done, upTo));
                done = upTo;
            }
        }
        if (done < all.size()) {
            waves.add(all.subList(done, all.size()));
        }
        return waves;
    }

    private static int mark(String size, int total) {
        try {
            if (size.endsWith("%")) {
                double percent = Double.parseDouble(size.substring(0, size.length() - 1));
                if (percent <= 0 || percent > 100) {
                    throw new IllegalArgumentException("a wave percentage is between 0 and 100: " + size);
                }
                return (int) Math.ceil(total * percent / 100);
            }
            int count = Integer.parseInt(size);
            if (count <= 0) {
                throw new IllegalArgumentException("a wave has at least one database: " + size);
            }
            return count;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a wave size is a count (10) or a percentage (10%): " + size);
        }
    }
}
