package dev.sluice.rollout.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates valid migrations from a seed: each one changes a schema it keeps a model of (tables and
 * their columns, enums, domains, functions), so every statement applies. Some migrations also change
 * session settings (DateStyle, TimeZone, search_path, IntervalStyle) that would change how catalogs
 * print if the snapshot reader did not fix them.
 */
final class RandomSchema {

    private record Column(String name, String type, boolean text, boolean numeric) {
    }

    private final Random random;
    private final Map<String, List<Column>> tables = new LinkedHashMap<>();
    private final List<String> enums = new ArrayList<>();
    private final List<String> domains = new ArrayList<>();
    private final List<String> functions = new ArrayList<>();
    private final List<String> indexes = new ArrayList<>();
    private final Set<String> unlogged = new LinkedHashSet<>();
    private final Set<String> rowSecurity = new LinkedHashSet<>();
    private final Set<String> kindsUsed = new LinkedHashSet<>();
    private int counter;

    RandomSchema(Random random) {
        this.random = random;
    }

    Set<String> kindsUsed() {
        return kindsUsed;
    }

    String nextMigration() {
        StringBuilder sql = new StringBuilder();
        if (random.nextInt(4) == 0) {
            sql.append(pick(List.of(
                    "SET datestyle = 'ISO, DMY';\n",
                    "SET timezone = 'America/New_York';\n",
                    "SET search_path = public, pg_catalog;\n",
                    "SET intervalstyle = 'iso_8601';\n",
                    "SET extra_float_digits = 0;\n")));
        }
        int statements = 1 + random.nextInt(3);
        for (int i = 0; i < statements; i++) {
            sql.append(nextStatement()).append('\n');
        }
        return sql.toString();
    }

    private String nextStatement() {
        if (tables.isEmpty() || random.nextInt(6) == 0) {
            return createTable();
        }
        return switch (random.nextInt(14)) {
            case 0 -> addColumn();
            case 1 -> createIndex();
            case 2 -> addConstraint();
            case 3 -> createView();
            case 4 -> createFunction();
            case 5 -> createEnum();
            case 6 -> createDomain();
            case 7 -> createTrigger();
            case 8 -> createPolicy();
            case 9 -> dropSomething();
            case 10 -> createSequenceAndComposite();
            case 11 -> createMaterializedView();
            case 12 -> alterColumn();
            default -> addColumn();
        };
    }

    private String name(String prefix) {
        return prefix + "_" + (++counter);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String table() {
        return pick(new ArrayList<>(tables.keySet()));
    }

    /** Any column but the primary key (every table has its amount column). */
    private Column column(String table) {
        return pick(tables.get(table).stream().filter(column -> !column.name().equals("id")).toList());
    }

    /** A column type and a default for it (or none), from the built-in and user types that exist. */
    private String[] typeAndDefault() {
        List<String[]> choices = new ArrayList<>(List.of(
                new String[] {"integer", "0"},
                new String[] {"bigint", "-1"},
                new String[] {"text", "'it''s \"quoted\" ünïcödé'"},
                new String[] {"varchar(40)", "'x'"},
                new String[] {"numeric(12,2)", "1.5"},
                new String[] {"double precision", "0.1"},
                new String[] {"boolean", "true"},
                new String[] {"timestamptz", "now()"},
                new String[] {"timestamptz", "'2024-03-04 05:06:07+02'"},
                new String[] {"date", "'2024-12-31'"},
                new String[] {"interval", "'1 day 02:03:04'"},
                new String[] {"jsonb", "'{\"a\": [1, 2]}'"},
                new String[] {"uuid", "gen_random_uuid()"},
                new String[] {"integer[]", "'{1,2,3}'"},
                new String[] {"bytea", "'\\xdeadbeef'"},
                new String[] {"text", null}));
        for (String type : enums) {
            choices.add(new String[] {type, null});
        }
        for (String domain : domains) {
            choices.add(new String[] {domain, "42"});
        }
        return pick(choices);
    }

    private String columnSql(String table, boolean allowIdentity) {
        String name = name("c");
        String[] type = typeAndDefault();
        StringBuilder sql = new StringBuilder(name).append(' ').append(type[0]);
        if (type[1] != null && random.nextBoolean()) {
            sql.append(" DEFAULT ").append(type[1]);
            if (random.nextBoolean()) {
                sql.append(" NOT NULL");
            }
        }
        if (random.nextInt(8) == 0) {
            sql.append(" COLLATE \"C\"");
            type = new String[] {"text", null};
            sql = new StringBuilder(name).append(" text COLLATE \"C\"");
        }
        tables.get(table).add(new Column(name, type[0], type[0].equals("text") || type[0].startsWith("varchar"),
                List.of("integer", "bigint", "numeric(12,2)", "double precision").contains(type[0])));
        kindsUsed.add("column");
        return sql.toString();
    }

    private String createTable() {
        String table = name("t");
        tables.put(table, new ArrayList<>());
        tables.get(table).add(new Column("id", "bigint", false, true));
        kindsUsed.add("table");
        String id = pick(List.of("id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "id bigserial PRIMARY KEY",
                "id bigint PRIMARY KEY", "id bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 10 INCREMENT BY 5) PRIMARY KEY"));
        List<String> columns = new ArrayList<>(List.of(id));
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            columns.add(columnSql(table, false));
        }
        String amount = name("amount");
        columns.add(amount + " numeric(12,2) CHECK (" + amount + " >= 0)");
        columns.add(name("twice") + " numeric GENERATED ALWAYS AS (" + amount + " * 2) STORED");
        tables.get(table).add(new Column(amount, "numeric(12,2)", false, true));
        kindsUsed.add("check");
        boolean isUnlogged = tables.size() > 1 && random.nextInt(8) == 0;
        if (isUnlogged) {
            unlogged.add(table);
        }
        return "CREATE " + (isUnlogged ? "UNLOGGED " : "") + "TABLE " + table + " (\n    " + String.join(",\n    ", columns) + "\n);";
    }

    private String addColumn() {
        String table = table();
        return "ALTER TABLE " + table + " ADD COLUMN " + columnSql(table, true) + ";";
    }

    private String alterColumn() {
        String table = table();
        Column column = column(table);
        return pick(List.of(
                "ALTER TABLE " + table + " ALTER COLUMN " + column.name() + " DROP DEFAULT;",
                "ALTER TABLE " + table + " ALTER COLUMN " + column.name() + " DROP NOT NULL;",
                "COMMENT ON COLUMN " + table + "." + column.name() + " IS 'comments are not schema';"));
    }

    private String createIndex() {
        String table = table();
        List<Column> columns = tables.get(table);
        Column column = column(table);
        String index = name("idx");
        indexes.add(index);
        int kind = random.nextInt(5);
        return switch (kind) {
            case 0, 4 -> {
                kindsUsed.add("index");
                // Concurrently now and then: the file then runs statement by statement, outside a transaction.
                yield "CREATE INDEX " + (random.nextBoolean() ? "CONCURRENTLY " : "") + index + " ON " + table + " (" + column.name() + (random.nextBoolean() ? " DESC NULLS LAST" : "")
                        + ", id);";
            }
            case 1 -> {
                kindsUsed.add("partial index");
                yield "CREATE INDEX " + index + " ON " + table + " (id) WHERE " + column.name() + " IS NOT NULL AND id > 10;";
            }
            case 2 -> {
                Column text = columns.stream().filter(Column::text).findFirst().orElse(null);
                if (text == null) {
                    yield "CREATE INDEX " + index + " ON " + table + " ((id % 7));";
                }
                kindsUsed.add("expression index");
                yield "CREATE INDEX " + index + " ON " + table + " (lower(" + text.name() + "), (id % 7));";
            }
            default -> {
                kindsUsed.add("unique");
                yield "CREATE UNIQUE INDEX " + index + " ON " + table + " (id, " + column.name() + ");";
            }
        };
    }

    private String addConstraint() {
        String table = table();
        Column column = column(table);
        return switch (random.nextInt(3)) {
            case 0 -> {
                kindsUsed.add("unique");
                yield "ALTER TABLE " + table + " ADD UNIQUE (id, " + column.name() + ");";
            }
            case 1 -> {
                kindsUsed.add("check");
                Column numeric = tables.get(table).stream().filter(Column::numeric).filter(c -> !c.name().equals("id")).findFirst()
                        .orElse(tables.get(table).getFirst());
                yield "ALTER TABLE " + table + " ADD CONSTRAINT " + name("chk") + " CHECK (" + numeric.name() + " > -1000000)"
                        + (random.nextBoolean() ? " NOT VALID" : "") + ";";
            }
            default -> {
                kindsUsed.add("foreign key");
                // A permanent table may not reference an unlogged one.
                String parent = pick(tables.keySet().stream().filter(name -> !unlogged.contains(name)).toList());
                String reference = name("ref");
                tables.get(table).add(new Column(reference, "bigint", false, true));
                yield "ALTER TABLE " + table + " ADD COLUMN " + reference + " bigint REFERENCES " + parent + " (id)"
                        + pick(List.of("", " ON DELETE CASCADE", " ON DELETE SET NULL", " DEFERRABLE INITIALLY DEFERRED")) + ";";
            }
        };
    }

    private String createView() {
        kindsUsed.add("view");
        String table = table();
        Column column = column(table);
        return "CREATE VIEW " + name("v") + " AS SELECT id, " + column.name() + " FROM " + table + " WHERE id > 0 ORDER BY id;";
    }

    private String createMaterializedView() {
        kindsUsed.add("materialized view");
        String table = table();
        String view = name("mv");
        return "CREATE MATERIALIZED VIEW " + view + " AS SELECT count(*) AS n FROM " + table + ";\nCREATE UNIQUE INDEX "
                + name("mvidx") + " ON " + view + " (n);";
    }

    private String createFunction() {
        kindsUsed.add("function");
        if (!functions.isEmpty() && random.nextInt(3) == 0) {
            String existing = pick(functions);
            return "CREATE OR REPLACE FUNCTION " + existing + "(a integer, b text DEFAULT 'x') RETURNS text LANGUAGE plpgsql"
                    + " STABLE AS $body$\nBEGIN\n  -- changed by a migration: $$ inside\n  RETURN b || (a + " + (++counter)
                    + ")::text;\nEND\n$body$;";
        }
        String function = name("fn");
        functions.add(function);
        return pick(List.of(
                "CREATE FUNCTION " + function + "(a integer, b text DEFAULT 'x') RETURNS text LANGUAGE plpgsql STABLE AS $$\n"
                        + "BEGIN\n  RETURN b || a::text; -- 'quoted' ünïcödé\nEND\n$$;",
                "CREATE FUNCTION " + function + "(a integer, b text DEFAULT 'x') RETURNS text LANGUAGE sql IMMUTABLE STRICT"
                        + " RETURN b || a;",
                "CREATE FUNCTION " + function + "(a integer, b text DEFAULT 'x') RETURNS text LANGUAGE sql SECURITY DEFINER"
                        + " SET search_path = pg_catalog AS 'SELECT b || a';"));
    }

    private String createEnum() {
        kindsUsed.add("enum");
        if (!enums.isEmpty() && random.nextBoolean()) {
            return "ALTER TYPE " + pick(enums) + " ADD VALUE '" + name("label") + "' BEFORE 'b';";
        }
        String type = name("enum");
        enums.add(type);
        return "CREATE TYPE " + type + " AS ENUM ('a', 'b', 'it''s', 'ünï');";
    }

    private String createDomain() {
        kindsUsed.add("domain");
        String domain = name("dom");
        domains.add(domain);
        return "CREATE DOMAIN " + domain + " AS integer DEFAULT 1 CONSTRAINT " + name("domchk") + " CHECK (VALUE > 0 AND VALUE < 1000);";
    }

    private String createTrigger() {
        kindsUsed.add("trigger");
        String function = name("trg_fn");
        return "CREATE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN NEW;\nEND\n$$;\n"
                + "CREATE TRIGGER " + name("trg") + " BEFORE INSERT OR UPDATE ON " + table() + " FOR EACH ROW"
                + (random.nextBoolean() ? " WHEN (NEW.id > 0)" : "") + " EXECUTE FUNCTION " + function + "();";
    }

    private String createPolicy() {
        kindsUsed.add("policy");
        String table = table();
        String enable = rowSecurity.add(table) ? "ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY;\n" : "";
        return enable + "CREATE POLICY " + name("pol") + " ON " + table + pick(List.of(
                " USING (id > 0)",
                " FOR INSERT WITH CHECK (id < 1000000)",
                " AS RESTRICTIVE FOR UPDATE TO PUBLIC USING (id > 0) WITH CHECK (id > 1)",
                " FOR SELECT TO CURRENT_USER USING (current_setting('app.tenant', true) IS NULL)")) + ";";
    }

    private String createSequenceAndComposite() {
        kindsUsed.add("sequence");
        return "CREATE SEQUENCE " + name("seq") + " AS integer START 100 INCREMENT 3 MAXVALUE 100000 CYCLE;\n"
                + "CREATE TYPE " + name("pair") + " AS (x integer, y text);";
    }

    private String dropSomething() {
        if (!indexes.isEmpty() && random.nextBoolean()) {
            return "DROP INDEX " + indexes.removeFirst() + ";";
        }
        String table = table();
        List<Column> columns = tables.get(table);
        Column column = columns.getLast();
        if (column.name().equals("id") || column.name().startsWith("amount")) {
            return addColumn();
        }
        columns.removeLast();
        indexes.clear(); // a dropped column may take indexes with it
        return "ALTER TABLE " + table + " DROP COLUMN " + column.name() + " CASCADE;";
    }
}
