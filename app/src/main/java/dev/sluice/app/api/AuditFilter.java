package dev.sluice.app.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which audit lines to read: each text filter matches its column exactly; {@code from} is
 * inclusive and {@code to} exclusive, so consecutive windows never count a line twice.
 */
record AuditFilter(Optional<String> actor, Optional<String> action, Optional<String> environment, Optional<String> release,
        Optional<String> target, Optional<String> repository, Optional<Instant> from, Optional<Instant> to) {

    /** The SQL condition (never empty) and, into {@code parameters}, the values it binds. */
    String where(List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        columns().forEach((column, value) -> value.ifPresent(text -> {
            conditions.add(column + " = ?");
            parameters.add(text);
        }));
        from.ifPresent(instant -> {
            conditions.add("occurred_at >= ?");
            parameters.add(java.sql.Timestamp.from(instant));
        });
        to.ifPresent(instant -> {
            conditions.add("occurred_at < ?");
            parameters.add(java.sql.Timestamp.from(instant));
        });
        return conditions.isEmpty() ? "true" : String.join(" AND ", conditions);
    }

    /** The filters as query parameters, for the next page's link. */
    Map<String, Optional<String>> query() {
        Map<String, Optional<String>> query = new LinkedHashMap<>(columns());
        query.put("from", from.map(Instant::toString));
        query.put("to", to.map(Instant::toString));
        return query;
    }

    private Map<String, Optional<String>> columns() {
        Map<String, Optional<String>> columns = new LinkedHashMap<>();
        columns.put("actor", actor);
        columns.put("action", action);
        columns.put("environment", environment);
        columns.put("release", release);
        columns.put("target", target);
        columns.put("repository", repository);
        return columns;
    }
}
