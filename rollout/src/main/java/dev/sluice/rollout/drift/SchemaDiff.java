package dev.sluice.rollout.drift;

import dev.sluice.rollout.drift.Difference.Change;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a recorded snapshot with the live one: each object added, missing or changed, in words,
 * with the SQL that returns to the recorded schema where that is mechanical. An object that belongs to
 * an added or missing one (a column of a new table, the tables of a dropped schema) is not listed:
 * its owner is. Every INVALID index of the live schema is reported, recorded or not.
 */
public final class SchemaDiff {

    /** Values longer than this (or on several lines) are said to have changed, not shown. */
    private static final int SHOWN = 80;

    private SchemaDiff() {
    }

    public static Drift compare(SchemaSnapshot recorded, SchemaSnapshot live) {
        Map<String, SchemaObject> before = recorded.byKey();
        Map<String, SchemaObject> after = live.byKey();
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String key : keys) {
            Optional<SchemaObject> was = Optional.ofNullable(before.get(key));
            Optional<SchemaObject> is = Optional.ofNullable(after.get(key));
            if (is.isPresent() && is.get().kind() == ObjectKind.INDEX && "no".equals(is.get().attributes().get("@valid"))) {
                differences.add(invalidIndex(is.get(), was));
            } else if (was.isEmpty()) {
                if (!ownerOnlyIn(is.get(), before, after)) {
                    differences.add(added(is.get()));
                }
            } else if (is.isEmpty()) {
                if (!ownerOnlyIn(was.get(), before, after)) {
                    differences.add(was.get().kind() == ObjectKind.TABLE ? missingTable(was.get(), recorded) : missing(was.get()));
                }
            } else if (!was.get().compared().equals(is.get().compared())) {
                differences.add(changed(was.get(), is.get()));
            }
        }
        differences.sort(Comparator.comparing(Difference::kind).thenComparing(Difference::name));
        return new Drift(differences);
    }

    /** Its table (or schema) is itself added or missing, and said so. */
    private static boolean ownerOnlyIn(SchemaObject object, Map<String, SchemaObject> before, Map<String, SchemaObject> after) {
        return object.attribute("@in").map(owner -> before.containsKey(owner) != after.containsKey(owner)).orElse(false);
    }

    private static String named(SchemaObject object) {
        return object.kind().words() + " " + object.name();
    }

    private static Difference added(SchemaObject object) {
        String words = named(object) + " added" + (object.kind() == ObjectKind.COLUMN ? ": " + columnSummary(object) : "");
        return new Difference(object.kind(), object.name(), Change.ADDED, words, Repairs.drop(object));
    }

    private static Difference missing(SchemaObject object) {
        return new Difference(object.kind(), object.name(), Change.MISSING, named(object) + " missing", Repairs.create(object));
    }

    /** A missing table is one line; its repair builds it again, empty, with everything it had. */
    private static Difference missingTable(SchemaObject table, SchemaSnapshot recorded) {
        String key = table.key();
        List<SchemaObject> parts = recorded.objects().stream()
                .filter(object -> object.attribute("@in").map(key::equals).orElse(false)).toList();
        return new Difference(table.kind(), table.name(), Change.MISSING, named(table) + " missing", Repairs.createTable(table, parts));
    }

    private static Difference changed(SchemaObject was, SchemaObject is) {
        Map<String, String> before = was.compared();
        Map<String, String> after = is.compared();
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<String> shown = new ArrayList<>();
        List<String> long_ = new ArrayList<>();
        Map<String, String> changedTo = new LinkedHashMap<>();
        for (String key : keys) {
            String old = before.get(key);
            String now = after.get(key);
            if (old != null && old.equals(now)) {
                continue;
            }
            changedTo.put(key, now == null ? "" : now);
            if (isLong(old) || isLong(now)) {
                long_.add(key + " changed");
            } else {
                shown.add(key + " " + value(old) + " → " + value(now));
            }
        }
        String words = shown.isEmpty() && long_.size() == 1
                ? named(is) + " " + long_.getFirst()
                : named(is) + " changed: " + String.join("; ", concat(shown, long_));
        return new Difference(is.kind(), is.name(), Change.CHANGED, words, Repairs.restore(was, is, changedTo.keySet()));
    }

    private static Difference invalidIndex(SchemaObject live, Optional<SchemaObject> recorded) {
        String words = named(live) + " is INVALID (a failed concurrent build); "
                + (recorded.isPresent() ? "drop and recreate it" : "drop it (it is not in the recorded schema)");
        String repair = Repairs.dropIndex(live) + recorded.map(index -> "\n" + Repairs.createIndex(index)).orElse("");
        return new Difference(live.kind(), live.name(), Change.INVALID, words, Optional.of(repair));
    }

    /** "integer not null default 0": a column as it is declared, for the words. */
    static String columnSummary(SchemaObject column) {
        Map<String, String> a = column.attributes();
        StringBuilder summary = new StringBuilder(a.getOrDefault("type", "?"));
        if (a.containsKey("collation")) {
            summary.append(" collate ").append(a.get("collation"));
        }
        if ("yes".equals(a.get("not null"))) {
            summary.append(" not null");
        }
        if (a.containsKey("default")) {
            summary.append(" default ").append(a.get("default"));
        }
        if (a.containsKey("identity")) {
            summary.append(" generated ").append(a.get("identity")).append(" as identity");
        }
        if (a.containsKey("generated")) {
            summary.append(" generated always as (").append(a.get("generated")).append(") stored");
        }
        return summary.toString();
    }

    private static boolean isLong(String value) {
        return value != null && (value.length() > SHOWN || value.indexOf('\n') >= 0);
    }

    private static String value(String value) {
        return value == null ? "(none)" : value;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
