package dev.sluice.app.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Keyset paging, the same for every list: newest first by id, {@code limit} rows, and
 * {@code before} the id the next page starts below. Stable while rows are appended, unlike an offset.
 *
 * @param before only rows with a smaller id; empty for the first page
 */
record Page(int limit, Optional<Long> before) {

    /** The link to the next page, keeping the filters, or null when {@code rows} (fetched with one extra) were the last. */
    String next(String path, List<Long> ids, Map<String, Optional<String>> filters) {
        if (ids.size() <= limit) {
            return null;
        }
        Map<String, String> query = new LinkedHashMap<>();
        filters.forEach((name, value) -> value.ifPresent(text -> query.put(name, text)));
        query.put("limit", Integer.toString(limit));
        query.put("before", Long.toString(ids.get(limit - 1)));
        return path + "?" + query.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Rows to fetch: one more than the page, to know whether another follows. */
    int fetch() {
        return limit + 1;
    }
}
