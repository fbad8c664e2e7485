package dev.sluice.rollout.schema;

import dev.sluice.review.model.QualifiedName;
import dev.sluice.review.model.TypeName;
import dev.sluice.review.schema.SchemaCatalog;
import dev.sluice.review.schema.TableInfo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the review needs to know of a live database from its catalogs, read-only: every
 * ordinary and partitioned table outside the system schemas, with its planner row estimate and
 * total size, its columns' types and nullability, the columns validated CHECK constraints prove
 * NOT NULL, and the leading columns of its valid indexes.
 */
public final class LiveSchemaCatalog {

    private static final Pattern NOT_NULL_CHECK = Pattern.compile("^CHECK \\(+\"?([^\" )]+)\"? IS NOT NULL\\)+$");

    private LiveSchemaCatalog() {
    }

    public static SchemaCatalog load(Connection connection) throws SQLException {
        Map<String, Long> rows = new HashMap<>();
        Map<String, Long> bytes = new HashMap<>();
        Map<String, Map<String, TableInfo.ColumnInfo>> columns = new HashMap<>();
        Map<String, Set<String>> notNullChecks = new HashMap<>();
        Map<String, Set<String>> indexes = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(60);
            try (ResultSet table = statement.executeQuery("""
                    SELECT n.nspname, c.relname, greatest(c.reltuples, 0)::bigint AS estimated_rows,
                           pg_total_relation_size(c.oid) AS total_bytes
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'sluice')
                      AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'""")) {
                while (table.next()) {
                    String key = key(table.getString(1), table.getString(2));
                    rows.put(key, table.getLong(3));
                    bytes.put(key, table.getLong(4));
                }
            }
            try (ResultSet column = statement.executeQuery("""
                    SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull
                    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
                      AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'sluice')""")) {
                while (column.next()) {
                    columns.computeIfAbsent(key(column.getString(1), column.getString(2)), k -> new HashMap<>())
                            .put(column.getString(3), new TableInfo.ColumnInfo(typeName(column.getString(4)), column.getBoolean(5)));
                }
            }
            try (ResultSet check = statement.executeQuery("""
                    SELECT n.nspname, c.relname, pg_get_constraintdef(k.oid)
                    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE k.contype = 'c' AND k.convalidated
                      AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'sluice')""")) {
                while (check.next()) {
                    Matcher matcher = NOT_NULL_CHECK.matcher(check.getString(3));
                    if (matcher.matches()) {
                        notNullChecks.computeIfAbsent(key(check.getString(1), check.getString(2)), k -> new HashSet<>())
                                .add(matcher.group(1));
                    }
                }
            }
            try (ResultSet index = statement.executeQuery("""
                    SELECT n.nspname, c.relname,
                           array_to_string(ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                                                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                                                 ORDER BY k.ord), ',')
                    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE i.indisvalid AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'sluice')""")) {
                while (index.next()) {
                    indexes.computeIfAbsent(key(index.getString(1), index.getString(2)), k -> new HashSet<>())
                            .add(index.getString(3));
                }
            }
        }
        Map<String, TableInfo> tables = new HashMap<>();
        for (Map.Entry<String, Long> entry : rows.entrySet()) {
            String key = entry.getKey();
            tables.put(key, new TableInfo(key, entry.getValue(), bytes.get(key), columns.getOrDefault(key, Map.of()),
                    notNullChecks.getOrDefault(key, Set.of()), indexes.getOrDefault(key, Set.of())));
        }
        return SchemaCatalog.of(tables);
    }

    /** The key review uses: {@code name} in the public schema, {@code schema.name} elsewhere. */
    private static String key(String schema, String table) {
        return new QualifiedName(schema, table).key();
    }

    /** {@code character varying(20)} becomes varchar with modifier 20, {@code integer[]} an integer array. */
    static TypeName typeName(String formatted) {
        String text = formatted;
        boolean array = text.endsWith("[]");
        if (array) {
            text = text.substring(0, text.length() - 2);
        }
        List<String> modifiers = new ArrayList<>();
        int open = text.indexOf('(');
        if (open >= 0) {
            int close = text.indexOf(')', open);
            for (String modifier : text.substring(open + 1, close).split(",")) {
                modifiers.add(modifier.strip());
            }
            text = (text.substring(0, open) + text.substring(close + 1)).strip();
        }
        return new TypeName(text, modifiers, array);
    }
}
