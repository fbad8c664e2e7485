package dev.sluice.rollout.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The SQL that returns one object to its recorded state, where that is mechanical: built only from
 * the snapshot (names are already quoted, definitions come from {@code pg_get_*def}). None where it
 * is not (a missing partitioned table or partition, changed enum labels, a column or domain whose
 * type changed with data in it).
 */
final class Repairs {

    private static final Pattern CREATE_INDEX = Pattern.compile("^CREATE (UNIQUE )?INDEX ");
    /** The order a table's parts are added in: keys first, so that a foreign key to the table itself finds its key. */
    private static final List<String> CONSTRAINT_ORDER = List.of("primary key", "unique", "exclusion", "check", "foreign key");
    /** How a domain's check constraints are keyed among its attributes ({@code check positive_check}). */
    private static final String CHECK = "check ";

    private Repairs() {
    }

    /** Removes an object the record does not have. */
    static Optional<String> drop(SchemaObject object) {
        Map<String, String> a = object.attributes();
        String name = object.name();
        return Optional.ofNullable(switch (object.kind()) {
            case EXTENSION -> "DROP EXTENSION " + name + ";";
            case SCHEMA -> "DROP SCHEMA " + name + ";";
            case ENUM, COMPOSITE_TYPE -> "DROP TYPE " + name + ";";
            case DOMAIN -> "DROP DOMAIN " + name + ";";
            case SEQUENCE -> "DROP SEQUENCE " + name + ";";
            case TABLE -> "DROP TABLE " + name + ";";
            case COLUMN -> "ALTER TABLE " + a.get("@table") + " DROP COLUMN " + a.get("@local") + ";";
            case CONSTRAINT -> dropConstraint(object);
            case INDEX -> dropIndex(object);
            case VIEW -> "DROP VIEW " + name + ";";
            case MATERIALIZED_VIEW -> "DROP MATERIALIZED VIEW " + name + ";";
            case FUNCTION -> "DROP FUNCTION " + name + ";";
            case PROCEDURE -> "DROP PROCEDURE " + name + ";";
            case TRIGGER -> "DROP TRIGGER " + a.get("@local") + " ON " + a.get("@table") + ";";
            case POLICY -> "DROP POLICY " + a.get("@local") + " ON " + a.get("@table") + ";";
        });
    }

    /** Creates a recorded object that is gone. */
    static Optional<String> create(SchemaObject object) {
        Map<String, String> a = object.attributes();
        String name = object.name();
        return Optional.ofNullable(switch (object.kind()) {
            case EXTENSION -> "CREATE EXTENSION IF NOT EXISTS " + name + " WITH SCHEMA " + a.get("schema") + " VERSION "
                    + Identifiers.literal(a.get("version")) + ";";
            case SCHEMA -> "CREATE SCHEMA " + name + ";";
            case ENUM -> "CREATE TYPE " + name + " AS ENUM (" + a.get("labels") + ");";
            case COMPOSITE_TYPE -> "CREATE TYPE " + name + " AS (" + a.get("attributes") + ");";
            case SEQUENCE -> "CREATE SEQUENCE " + name + sequenceOptions(a) + ";";
            case DOMAIN -> createDomain(object);
            case TABLE -> null;
            case COLUMN -> "ALTER TABLE " + a.get("@table") + " ADD COLUMN " + a.get("@local") + " " + columnDefinition(a) + ";";
            case CONSTRAINT -> addConstraint(object);
            case INDEX -> createIndex(object);
            case VIEW -> "CREATE OR REPLACE VIEW " + name + " AS\n" + withoutSemicolon(a.get("definition")) + ";";
            case MATERIALIZED_VIEW -> "CREATE MATERIALIZED VIEW " + name + " AS\n" + withoutSemicolon(a.get("definition")) + ";";
            case FUNCTION, PROCEDURE -> a.containsKey("@definition") ? a.get("@definition").strip() + ";" : null;
            case TRIGGER -> a.get("definition") + ";" + (a.get("enabled").equals("enabled") ? ""
                    : "\nALTER TABLE " + a.get("@table") + " " + enableTrigger(a.get("enabled")) + " TRIGGER " + a.get("@local") + ";");
            case POLICY -> createPolicy(object);
        });
    }

    /**
     * Builds a missing table again, empty, from the record: its owned sequences, the table with its
     * columns (in name order: column order is not part of the record), then its constraints, indexes,
     * triggers, row level security and policies. Its rows are gone; this only gives the schema back
     * (restore the data from a backup). A partitioned table or a partition is not rebuilt: its
     * partitions would have to come with it.
     */
    static Optional<String> createTable(SchemaObject table, List<SchemaObject> parts) {
        Map<String, String> a = table.attributes();
        if ("yes".equals(a.get("partitioned")) || a.containsKey("partition of")) {
            return Optional.empty();
        }
        List<String> statements = new ArrayList<>();
        statements.add("-- Rebuilt empty from the record: restore its rows from a backup. Its columns are in name order,"
                + " as the record does not keep their order.");
        List<SchemaObject> sequences = ofKind(parts, ObjectKind.SEQUENCE);
        sequences.forEach(sequence -> statements.add(create(sequence).orElseThrow()));
        List<String> columns = ofKind(parts, ObjectKind.COLUMN).stream()
                .map(column -> "    " + column.attributes().get("@local") + " " + columnDefinition(column.attributes())).toList();
        statements.add("CREATE " + ("unlogged".equals(a.get("persistence")) ? "UNLOGGED " : "") + "TABLE " + table.name() + " (\n"
                + String.join(",\n", columns) + "\n)" + (a.containsKey("options") ? " WITH (" + a.get("options") + ")" : "") + ";");
        for (SchemaObject sequence : sequences) {
            if (sequence.attributes().containsKey("owned by")) {
                statements.add("ALTER SEQUENCE " + sequence.name() + " OWNED BY " + sequence.attributes().get("owned by") + ";");
            }
        }
        ofKind(parts, ObjectKind.CONSTRAINT).stream()
                .sorted(Comparator.comparing(constraint -> CONSTRAINT_ORDER.indexOf(constraint.attributes().get("type"))))
                .forEach(constraint -> statements.add(addConstraint(constraint)));
        // The table is new and empty: no reason to build its indexes concurrently.
        ofKind(parts, ObjectKind.INDEX).forEach(index -> statements.add(index.attributes().get("definition") + ";"));
        ofKind(parts, ObjectKind.TRIGGER).forEach(trigger -> statements.add(create(trigger).orElseThrow()));
        Set<String> switchedOn = Set.of("row level security", "force row level security").stream()
                .filter(flag -> "yes".equals(a.get(flag))).collect(Collectors.toSet());
        if (!switchedOn.isEmpty()) {
            statements.add(restoreTable(table, switchedOn));
        }
        ofKind(parts, ObjectKind.POLICY).forEach(policy -> statements.add(createPolicy(policy)));
        return Optional.of(String.join("\n", statements));
    }

    private static List<SchemaObject> ofKind(List<SchemaObject> parts, ObjectKind kind) {
        return parts.stream().filter(part -> part.kind() == kind).sorted(Comparator.comparing(SchemaObject::name)).toList();
    }

    /** Returns a changed object to its recorded attributes. */
    static Optional<String> restore(SchemaObject was, SchemaObject is, Set<String> changed) {
        Map<String, String> a = was.attributes();
        return Optional.ofNullable(switch (was.kind()) {
            case COLUMN -> restoreColumn(was, changed);
            case TABLE -> restoreTable(was, changed);
            case SEQUENCE -> "ALTER SEQUENCE " + was.name() + sequenceOptions(a) + ";";
            case EXTENSION -> changed.equals(Set.of("version"))
                    ? "ALTER EXTENSION " + was.name() + " UPDATE TO " + Identifiers.literal(a.get("version")) + ";" : null;
            case CONSTRAINT -> dropConstraint(is) + "\n" + addConstraint(was);
            case INDEX -> dropIndex(is) + "\n" + createIndex(was);
            case VIEW, FUNCTION, PROCEDURE -> create(was).orElse(null);
            case TRIGGER -> changed.equals(Set.of("enabled"))
                    ? "ALTER TABLE " + a.get("@table") + " " + enableTrigger(a.get("enabled")) + " TRIGGER " + a.get("@local") + ";"
                    : drop(is).orElseThrow() + "\n" + create(was).orElseThrow();
            case POLICY -> drop(is).orElseThrow() + "\n" + createPolicy(was);
            case DOMAIN -> restoreDomain(was, changed);
            case SCHEMA, ENUM, COMPOSITE_TYPE, MATERIALIZED_VIEW -> null;
        });
    }

    static String dropIndex(SchemaObject index) {
        // A partitioned table's index cannot be dropped (or built) concurrently.
        boolean partitioned = "yes".equals(index.attributes().get("@partitioned"));
        return "DROP INDEX " + (partitioned ? "" : "CONCURRENTLY ") + index.name() + ";";
    }

    /** The recorded definition, built concurrently where PostgreSQL allows it. */
    static String createIndex(SchemaObject index) {
        String definition = index.attributes().get("definition");
        boolean partitioned = "yes".equals(index.attributes().get("@partitioned"));
        return (partitioned ? definition : CREATE_INDEX.matcher(definition).replaceFirst("CREATE $1INDEX CONCURRENTLY ")) + ";";
    }

    private static String dropConstraint(SchemaObject constraint) {
        return "ALTER TABLE " + constraint.attributes().get("@table") + " DROP CONSTRAINT " + constraint.attributes().get("@local") + ";";
    }

    private static String addConstraint(SchemaObject constraint) {
        Map<String, String> a = constraint.attributes();
        return "ALTER TABLE " + a.get("@table") + " ADD CONSTRAINT " + a.get("@local") + " " + a.get("definition") + ";";
    }

    private static String createDomain(SchemaObject domain) {
        Map<String, String> a = domain.attributes();
        StringBuilder sql = new StringBuilder("CREATE DOMAIN " + domain.name() + " AS " + a.get("type"));
        if (a.containsKey("collation")) {
            sql.append(" COLLATE ").append(a.get("collation"));
        }
        if (a.containsKey("default")) {
            sql.append(" DEFAULT ").append(a.get("default"));
        }
        if ("yes".equals(a.get("not null"))) {
            sql.append(" NOT NULL");
        }
        a.forEach((key, value) -> {
            if (key.startsWith(CHECK)) {
                sql.append(" CONSTRAINT ").append(key.substring(CHECK.length())).append(' ').append(value);
            }
        });
        return sql.append(';').toString();
    }

    /** Default, nullability and checks are mechanical; a changed base type or collation is not. */
    private static String restoreDomain(SchemaObject was, Set<String> changed) {
        Map<String, String> a = was.attributes();
        if (changed.contains("type") || changed.contains("collation")) {
            return null;
        }
        String alter = "ALTER DOMAIN " + was.name();
        List<String> statements = new ArrayList<>();
        if (changed.contains("default")) {
            statements.add(alter + (a.containsKey("default") ? " SET DEFAULT " + a.get("default") : " DROP DEFAULT") + ";");
        }
        if (changed.contains("not null")) {
            statements.add(alter + ("yes".equals(a.get("not null")) ? " SET NOT NULL" : " DROP NOT NULL") + ";");
        }
        for (String key : changed) {
            if (key.startsWith(CHECK)) {
                String constraint = key.substring(CHECK.length());
                // Changed or gone: drop what is there (if anything), then add the recorded one (if any).
                statements.add(alter + " DROP CONSTRAINT IF EXISTS " + constraint + ";");
                if (a.containsKey(key)) {
                    statements.add(alter + " ADD CONSTRAINT " + constraint + " " + a.get(key) + ";");
                }
            }
        }
        return String.join("\n", statements);
    }

    private static String createPolicy(SchemaObject policy) {
        Map<String, String> a = policy.attributes();
        return "CREATE POLICY " + a.get("@local") + " ON " + a.get("@table") + " AS " + a.get("as") + " FOR " + a.get("command")
                + " TO " + a.get("roles")
                + (a.containsKey("using") ? " USING (" + a.get("using") + ")" : "")
                + (a.containsKey("with check") ? " WITH CHECK (" + a.get("with check") + ")" : "") + ";";
    }

    private static String columnDefinition(Map<String, String> a) {
        StringBuilder definition = new StringBuilder(a.get("type"));
        if (a.containsKey("collation")) {
            definition.append(" COLLATE ").append(a.get("collation"));
        }
        if (a.containsKey("default")) {
            definition.append(" DEFAULT ").append(a.get("default"));
        }
        if (a.containsKey("identity")) {
            definition.append(" GENERATED ").append(a.get("identity").toUpperCase(java.util.Locale.ROOT)).append(" AS IDENTITY");
        }
        if (a.containsKey("generated")) {
            definition.append(" GENERATED ALWAYS AS (").append(a.get("generated")).append(") STORED");
        }
        if ("yes".equals(a.get("not null"))) {
            definition.append(" NOT NULL");
        }
        return definition.toString();
    }

    /** Only a default or nullability is mechanical; a type change may need a data migration. */
    private static String restoreColumn(SchemaObject was, Set<String> changed) {
        Map<String, String> a = was.attributes();
        if (!Set.of("default", "not null").containsAll(changed)) {
            return null;
        }
        String alter = "ALTER TABLE " + a.get("@table") + " ALTER COLUMN " + a.get("@local");
        List<String> statements = new ArrayList<>();
        if (changed.contains("default")) {
            statements.add(alter + (a.containsKey("default") ? " SET DEFAULT " + a.get("default") : " DROP DEFAULT") + ";");
        }
        if (changed.contains("not null")) {
            statements.add(alter + ("yes".equals(a.get("not null")) ? " SET NOT NULL" : " DROP NOT NULL") + ";");
        }
        return String.join("\n", statements);
    }

    private static String restoreTable(SchemaObject was, Set<String> changed) {
        Map<String, String> a = was.attributes();
        if (!Set.of("row level security", "force row level security", "persistence").containsAll(changed)) {
            return null;
        }
        List<String> statements = new ArrayList<>();
        String alter = "ALTER TABLE " + was.name();
        if (changed.contains("row level security")) {
            statements.add(alter + ("yes".equals(a.get("row level security")) ? " ENABLE" : " DISABLE") + " ROW LEVEL SECURITY;");
        }
        if (changed.contains("force row level security")) {
            statements.add(alter + ("yes".equals(a.get("force row level security")) ? " FORCE" : " NO FORCE") + " ROW LEVEL SECURITY;");
        }
        if (changed.contains("persistence")) {
            statements.add(alter + ("unlogged".equals(a.get("persistence")) ? " SET UNLOGGED;" : " SET LOGGED;"));
        }
        return String.join("\n", statements);
    }

    private static String sequenceOptions(Map<String, String> a) {
        return " AS " + a.get("type") + " INCREMENT BY " + a.get("increment") + " MINVALUE " + a.get("minimum")
                + " MAXVALUE " + a.get("maximum") + " START WITH " + a.get("start") + " CACHE " + a.get("cache")
                + ("yes".equals(a.get("cycle")) ? " CYCLE" : " NO CYCLE");
    }

    private static String enableTrigger(String enabled) {
        return switch (enabled) {
            case "disabled" -> "DISABLE";
            case "replica" -> "ENABLE REPLICA";
            case "always" -> "ENABLE ALWAYS";
            default -> "ENABLE";
        };
    }

    private static String withoutSemicolon(String definition) {
        String stripped = definition.strip();
        return stripped.endsWith(";") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
