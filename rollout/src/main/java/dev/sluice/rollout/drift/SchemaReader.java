package dev.sluice.rollout.drift;

import static dev.sluice.rollout.drift.Identifiers.qualified;
import static dev.sluice.rollout.drift.Identifiers.quote;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a {@link SchemaSnapshot} from the system catalogs of the connection's database.
 *
 * <p>Deterministic whatever the session did before: the reads run in one read-only, repeatable-read
 * transaction (or a savepoint, when the caller is inside a transaction) with {@code search_path},
 * DateStyle, IntervalStyle, TimeZone, extra_float_digits and bytea_output set locally. With only
 * pg_catalog on the search path every {@code pg_get_*def} and {@code format_type} qualifies user
 * objects with their schema; the others fix how constants in defaults and expressions print. The
 * transaction is rolled back and the connection's auto-commit restored afterwards.
 *
 * <p>Left out: Sluice's own schema, the system schemas, temporary schemas, objects that belong to
 * an extension (the extension is recorded, with its version), column order, OIDs, statistics,
 * owners, privileges and comments. See docs/drift.md.
 */
public final class SchemaReader {

    /** Schemas that never count: the system's, temporary ones, and Sluice's own history and snapshots. */
    private static final String USER_SCHEMA = """
            n.nspname NOT IN ('pg_catalog', 'information_schema', 'sluice') AND n.nspname !~ '^pg_(toast|temp_)'""";

    private SchemaReader() {
    }

    /** Objects created by an extension: recorded as the extension, not one by one. */
    private static String notInExtension(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '" + catalog + "'::regclass AND e.objid = " + oid
                + " AND e.deptype = 'e')";
    }

    public static SchemaSnapshot read(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        Savepoint savepoint = null;
        if (autoCommit) {
            connection.setAutoCommit(false);
        } else {
            savepoint = connection.setSavepoint();
        }
        try (Statement statement = connection.createStatement()) {
            if (autoCommit) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            statement.execute("""
                    SET LOCAL search_path = pg_catalog;
                    SET LOCAL DateStyle = 'ISO, YMD';
                    SET LOCAL IntervalStyle = 'postgres';
                    SET LOCAL TimeZone = 'UTC';
                    SET LOCAL extra_float_digits = 1;
                    SET LOCAL bytea_output = 'hex'""");
            List<SchemaObject> objects = new ArrayList<>();
            new Reads(statement, objects).all();
            return new SchemaSnapshot(objects);
        } finally {
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            } else {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
            }
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /**
     * One pass over the catalogs; relation kinds are remembered so child objects can name their
     * parent's key. The queries are sent together and their results read in order: one round trip
     * instead of one per query, which is most of a snapshot's cost on a small database.
     */
    private static final class Reads {
        private final Statement statement;
        private final List<SchemaObject> objects;
        private final List<String> queries = new ArrayList<>();
        private final List<RowReader> readers = new ArrayList<>();

        Reads(Statement statement, List<SchemaObject> objects) {
            this.statement = statement;
            this.objects = objects;
        }

        private void query(String sql, RowReader reader) {
            queries.add(sql);
            readers.add(reader);
        }

        private void run() throws SQLException {
            boolean hasResult = statement.execute(String.join(";\n", queries));
            for (RowReader reader : readers) {
                while (!hasResult) {
                    if (statement.getUpdateCount() == -1) {
                        throw new SQLException("the catalog queries returned fewer results than sent");
                    }
                    hasResult = statement.getMoreResults();
                }
                try (ResultSet row = statement.getResultSet()) {
                    while (row.next()) {
                        reader.read(row);
                    }
                }
                hasResult = statement.getMoreResults();
            }
        }

        private void add(ObjectKind kind, String name, Map<String, String> attributes) {
            objects.add(new SchemaObject(kind, name, attributes));
        }

        private static Map<String, String> attributes(String... keysAndValues) {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                if (keysAndValues[i + 1] != null) {
                    attributes.put(keysAndValues[i], keysAndValues[i + 1]);
                }
            }
            return attributes;
        }

        private static String yesNo(boolean value) {
            return value ? "yes" : "no";
        }

        /** The key of a relation a column, index, trigger or policy belongs to. */
        private static String relationKey(String relkind, String name) {
            ObjectKind kind = switch (relkind) {
                case "v" -> ObjectKind.VIEW;
                case "m" -> ObjectKind.MATERIALIZED_VIEW;
                default -> ObjectKind.TABLE;
            };
            return SchemaObject.key(kind, name);
        }

        /** Child of a relation: the context attributes repair SQL is built from. */
        private static Map<String, String> child(String relkind, String table, String local, String... keysAndValues) {
            Map<String, String> attributes = attributes(keysAndValues);
            attributes.put("@in", relationKey(relkind, table));
            attributes.put("@table", table);
            attributes.put("@local", local);
            return attributes;
        }

        private static String inSchema(String schema) {
            return SchemaObject.key(ObjectKind.SCHEMA, quote(schema));
        }

        void all() throws SQLException {
            schemas();
            extensions();
            tables();
            columns();
            constraints();
            indexes();
            views();
            routines();
            sequences();
            enums();
            domains();
            compositeTypes();
            triggers();
            policies();
            run();
        }

        private void schemas() throws SQLException {
            query("SELECT n.nspname FROM pg_namespace n WHERE " + USER_SCHEMA + " AND " + notInExtension("pg_namespace", "n.oid"),
                    row -> add(ObjectKind.SCHEMA, quote(row.getString(1)), Map.of()));
        }

        private void extensions() throws SQLException {
            query("SELECT e.extname, e.extversion, n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace",
                    row -> add(ObjectKind.EXTENSION, quote(row.getString(1)),
                            attributes("version", row.getString(2), "schema", quote(row.getString(3)))));
        }

        private void tables() throws SQLException {
            query("""
                    SELECT n.nspname, c.relname, c.relkind, c.relpersistence, c.relrowsecurity, c.relforcerowsecurity,
                           CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
                           pn.nspname, pc.relname, pg_get_expr(c.relpartbound, c.oid), array_to_string(c.reloptions, ', ')
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    LEFT JOIN pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
                    LEFT JOIN pg_class pc ON pc.oid = i.inhparent LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                    WHERE c.relkind IN ('r', 'p') AND\s""" + USER_SCHEMA + " AND " + notInExtension("pg_class", "c.oid"), row -> {
                String schema = row.getString(1);
                String persistence = switch (row.getString(4)) {
                    case "u" -> "unlogged";
                    default -> "permanent";
                };
                add(ObjectKind.TABLE, qualified(schema, row.getString(2)), attributes(
                        "@in", inSchema(schema),
                        "partitioned", yesNo("p".equals(row.getString(3))),
                        "persistence", persistence,
                        "row level security", yesNo(row.getBoolean(5)),
                        "force row level security", yesNo(row.getBoolean(6)),
                        "partition key", row.getString(7),
                        "partition of", row.getString(8) == null ? null : qualified(row.getString(8), row.getString(9)),
                        "partition bound", row.getString(10),
                        "options", row.getString(11)));
            });
        }

        private void columns() throws SQLException {
            query("""
                    SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity,
                           a.attgenerated, pg_get_expr(d.adbin, d.adrelid), cn.nspname, co.collname
                    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    JOIN pg_type t ON t.oid = a.atttypid
                    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                    LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> t.typcollation
                    LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
                    WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND\s"""
                    + USER_SCHEMA + " AND " + notInExtension("pg_class", "c.oid"), row -> {
                String table = qualified(row.getString(1), row.getString(2));
                String column = quote(row.getString(3));
                boolean generated = !row.getString(7).isEmpty();
                String identity = switch (row.getString(6)) {
                    case "a" -> "always";
                    case "d" -> "by default";
                    default -> null;
                };
                add(ObjectKind.COLUMN, table + "." + column, child("r", table, column,
                        "type", row.getString(4),
                        "not null", yesNo(row.getBoolean(5)),
                        "identity", identity,
                        "default", generated ? null : row.getString(8),
                        "generated", generated ? row.getString(8) : null,
                        "collation", row.getString(10) == null ? null : qualified(row.getString(9), row.getString(10))));
            });
        }

        private void constraints() throws SQLException {
            query("""
                    SELECT n.nspname, c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid)
                    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE k.contype IN ('p', 'f', 'u', 'c', 'x') AND c.relkind IN ('r', 'p') AND\s"""
                    + USER_SCHEMA + " AND " + notInExtension("pg_class", "c.oid"), row -> {
                String table = qualified(row.getString(1), row.getString(2));
                String constraint = quote(row.getString(3));
                String type = switch (row.getString(4)) {
                    case "p" -> "primary key";
                    case "f" -> "foreign key";
                    case "u" -> "unique";
                    case "c" -> "check";
                    default -> "exclusion";
                };
                add(ObjectKind.CONSTRAINT, table + "." + constraint, child("r", table, constraint,
                        "type", type, "definition", row.getString(5)));
            });
        }

        private void indexes() throws SQLException {
            // An index that implements a primary key, unique or exclusion constraint is that constraint's.
            query("""
                    SELECT n.nspname, ic.relname, tn.nspname, tc.relname, tc.relkind, pg_get_indexdef(i.indexrelid), i.indisvalid
                    FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
                    JOIN pg_class tc ON tc.oid = i.indrelid JOIN pg_namespace tn ON tn.oid = tc.relnamespace
                    WHERE tc.relkind IN ('r', 'p', 'm')
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid
                                      AND k.contype IN ('p', 'u', 'x')) AND\s"""
                    + USER_SCHEMA + " AND " + notInExtension("pg_class", "tc.oid"), row -> {
                String table = qualified(row.getString(3), row.getString(4));
                Map<String, String> attributes = child(row.getString(5), table, quote(row.getString(2)),
                        "definition", row.getString(6), "@valid", yesNo(row.getBoolean(7)));
                attributes.put("@partitioned", yesNo("p".equals(row.getString(5))));
                add(ObjectKind.INDEX, qualified(row.getString(1), row.getString(2)), attributes);
            });
        }

        private void views() throws SQLException {
            query("""
                    SELECT n.nspname, c.relname, c.relkind, pg_get_viewdef(c.oid), array_to_string(c.reloptions, ', ')
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind IN ('v', 'm') AND\s""" + USER_SCHEMA + " AND " + notInExtension("pg_class", "c.oid"), row -> {
                String schema = row.getString(1);
                add("m".equals(row.getString(3)) ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.VIEW, qualified(schema, row.getString(2)),
                        attributes("@in", inSchema(schema), "definition", row.getString(4), "options", row.getString(5)));
            });
        }

        private void routines() throws SQLException {
            query("""
                    SELECT n.nspname, p.proname, p.prokind, oidvectortypes(p.proargtypes), pg_get_function_arguments(p.oid),
                           pg_get_function_result(p.oid), l.lanname, p.provolatile, p.prosecdef, p.proisstrict, p.proparallel,
                           array_to_string(p.proconfig, ', '),
                           CASE WHEN p.prosqlbody IS NOT NULL THEN pg_get_function_sqlbody(p.oid) ELSE p.prosrc END,
                           pg_get_functiondef(p.oid)
                    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
                    WHERE p.prokind IN ('f', 'p', 'w') AND\s""" + USER_SCHEMA + " AND " + notInExtension("pg_proc", "p.oid"), row -> {
                String schema = row.getString(1);
                boolean procedure = "p".equals(row.getString(3));
                String volatility = switch (row.getString(8)) {
                    case "i" -> "IMMUTABLE";
                    case "s" -> "STABLE";
                    default -> "VOLATILE";
                };
                String parallel = switch (row.getString(11)) {
                    case "s" -> "SAFE";
                    case "r" -> "RESTRICTED";
                    default -> "UNSAFE";
                };
                add(procedure ? ObjectKind.PROCEDURE : ObjectKind.FUNCTION,
                        qualified(schema, row.getString(2)) + "(" + row.getString(4) + ")", attributes(
                                "@in", inSchema(schema),
                                "arguments", row.getString(5),
                                "returns", procedure ? null : row.getString(6),
                                "language", row.getString(7),
                                "volatility", procedure ? null : volatility,
                                "security", row.getBoolean(9) ? "DEFINER" : "INVOKER",
                                "strict", procedure ? null : yesNo(row.getBoolean(10)),
                                "parallel", procedure ? null : parallel,
                                "settings", row.getString(12),
                                "body", normalizeBody(row.getString(13)),
                                "@definition", row.getString(14)));
            });
        }

        private void sequences() throws SQLException {
            // Identity columns own their sequence: it is part of the column, not an object of its own.
            query("""
                    SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax,
                           s.seqcycle, s.seqcache, o.deptype, tn.nspname, tc.relname, ta.attname
                    FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    LEFT JOIN pg_depend o ON o.classid = 'pg_class'::regclass AND o.objid = c.oid
                         AND o.refclassid = 'pg_class'::regclass AND o.deptype IN ('a', 'i')
                    LEFT JOIN pg_class tc ON tc.oid = o.refobjid LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace
                    LEFT JOIN pg_attribute ta ON ta.attrelid = o.refobjid AND ta.attnum = o.refobjsubid
                    WHERE (o.deptype IS NULL OR o.deptype = 'a') AND\s""" + USER_SCHEMA + " AND " + notInExtension("pg_class", "c.oid"),
                    row -> {
                        String schema = row.getString(1);
                        String owner = row.getString(12) == null ? null : qualified(row.getString(11), row.getString(12));
                        add(ObjectKind.SEQUENCE, qualified(schema, row.getString(2)), attributes(
                                "@in", owner == null ? inSchema(schema) : SchemaObject.key(ObjectKind.TABLE, owner),
                                "type", row.getString(3),
                                "start", row.getString(4),
                                "increment", row.getString(5),
                                "minimum", row.getString(6),
                                "maximum", row.getString(7),
                                "cycle", yesNo(row.getBoolean(8)),
                                "cache", row.getString(9),
                                "owned by", owner == null ? null : owner + "." + quote(row.getString(13))));
                    });
        }

        private void enums() throws SQLException {
            query("""
                    SELECT n.nspname, t.typname, ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)
                    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                    WHERE t.typtype = 'e' AND\s""" + USER_SCHEMA + " AND " + notInExtension("pg_type", "t.oid"), row -> {
                String schema = row.getString(1);
                add(ObjectKind.ENUM, qualified(schema, row.getString(2)),
                        attributes("@in", inSchema(schema), "labels", labels(row.getArray(3))));
            });
        }

        private void domains() throws SQLException {
            Map<String, Map<String, String>> checks = new HashMap<>();
            query("""
                    SELECT n.nspname, t.typname, k.conname, pg_get_constraintdef(k.oid)
                    FROM pg_constraint k JOIN pg_type t ON t.oid = k.contypid JOIN pg_namespace n ON n.oid = t.typnamespace
                    WHERE k.contype = 'c' AND\s""" + USER_SCHEMA, row -> checks
                    .computeIfAbsent(qualified(row.getString(1), row.getString(2)), name -> new LinkedHashMap<>())
                    .put("check " + quote(row.getString(3)), row.getString(4)));
            query("""
                    SELECT n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod), t.typnotnull, pg_get_expr(t.typdefaultbin, 0),
                           cn.nspname, co.collname
                    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_type b ON b.oid = t.typbasetype
                    LEFT JOIN pg_collation co ON co.oid = t.typcollation AND t.typcollation <> b.typcollation
                    LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
                    WHERE t.typtype = 'd' AND\s""" + USER_SCHEMA + " AND " + notInExtension("pg_type", "t.oid"), row -> {
                String schema = row.getString(1);
                String name = qualified(schema, row.getString(2));
                Map<String, String> attributes = attributes("@in", inSchema(schema), "type", row.getString(3),
                        "not null", yesNo(row.getBoolean(4)), "default", row.getString(5),
                        "collation", row.getString(7) == null ? null : qualified(row.getString(6), row.getString(7)));
                attributes.putAll(checks.getOrDefault(name, Map.of()));
                add(ObjectKind.DOMAIN, name, attributes);
            });
        }

        private void compositeTypes() throws SQLException {
            // Attribute order is part of a composite type (ROW(…) builds by position), unlike a table's column order.
            query("""
                    SELECT n.nspname, t.typname,
                           ARRAY(SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
                                 WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum)
                    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_class c ON c.oid = t.typrelid
                    WHERE t.typtype = 'c' AND c.relkind = 'c' AND\s""" + USER_SCHEMA + " AND " + notInExtension("pg_type", "t.oid"),
                    row -> {
                        String schema = row.getString(1);
                        add(ObjectKind.COMPOSITE_TYPE, qualified(schema, row.getString(2)), attributes("@in", inSchema(schema),
                                "attributes", String.join(", ", strings(row.getArray(3)))));
                    });
        }

        private void triggers() throws SQLException {
            // A partition's clone of its parent's trigger (tgparentid) is the parent's trigger.
            query("""
                    SELECT n.nspname, c.relname, c.relkind, t.tgname, pg_get_triggerdef(t.oid), t.tgenabled
                    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND\s""" + USER_SCHEMA + " AND " + notInExtension("pg_class", "c.oid"),
                    row -> {
                        String table = qualified(row.getString(1), row.getString(2));
                        String trigger = quote(row.getString(4));
                        String enabled = switch (row.getString(6)) {
                            case "D" -> "disabled";
                            case "R" -> "replica";
                            case "A" -> "always";
                            default -> "enabled";
                        };
                        add(ObjectKind.TRIGGER, table + "." + trigger, child(row.getString(3), table, trigger,
                                "definition", row.getString(5), "enabled", enabled));
                    });
        }

        private void policies() throws SQLException {
            query("""
                    SELECT n.nspname, c.relname, p.polname, p.polcmd, p.polpermissive,
                           array_to_string(ARRAY(SELECT CASE WHEN r = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(r)) END
                                                 FROM unnest(p.polroles) AS r ORDER BY 1), ', '),
                           pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)
                    FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE\s""" + USER_SCHEMA + " AND " + notInExtension("pg_class", "c.oid"), row -> {
                String table = qualified(row.getString(1), row.getString(2));
                String policy = quote(row.getString(3));
                String command = switch (row.getString(4)) {
                    case "r" -> "SELECT";
                    case "a" -> "INSERT";
                    case "w" -> "UPDATE";
                    case "d" -> "DELETE";
                    default -> "ALL";
                };
                add(ObjectKind.POLICY, table + "." + policy, child("r", table, policy,
                        "command", command, "as", row.getBoolean(5) ? "PERMISSIVE" : "RESTRICTIVE", "roles", row.getString(6),
                        "using", row.getString(7), "with check", row.getString(8)));
            });
        }

        private static List<String> strings(Array array) throws SQLException {
            return Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
        }

        private static String labels(Array array) throws SQLException {
            return strings(array).stream().map(Identifiers::literal).collect(Collectors.joining(", "));
        }
    }

    /**
     * A function body as it counts for drift: line endings and trailing spaces, and blank lines at
     * either end, do not (an editor or a different client can change them without changing the function).
     */
    static String normalizeBody(String body) {
        if (body == null) {
            return null;
        }
        return body.replace("\r\n", "\n").replace('\r', '\n').lines().map(String::stripTrailing)
                .collect(Collectors.joining("\n")).strip();
    }
}
