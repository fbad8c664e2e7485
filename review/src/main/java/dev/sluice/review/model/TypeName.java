package dev.sluice.review.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A column type with PostgreSQL's aliases resolved ({@code int4} and {@code integer} are one type,
 * {@code timestamp with time zone} is {@code timestamptz}), its modifiers ({@code varchar(20)} has
 * {@code [20]}) and whether it is an array.
 */
public record TypeName(String name, List<String> modifiers, boolean array) {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"),
            Map.entry("int8", "bigint"), Map.entry("int2", "smallint"),
            Map.entry("serial4", "serial"), Map.entry("serial8", "bigserial"), Map.entry("serial2", "smallserial"),
            Map.entry("character varying", "varchar"), Map.entry("char varying", "varchar"),
            Map.entry("character", "char"), Map.entry("bpchar", "char"),
            Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time without time zone", "time"), Map.entry("time with time zone", "timetz"),
            Map.entry("decimal", "numeric"), Map.entry("bool", "boolean"),
            Map.entry("float8", "double precision"), Map.entry("float4", "real"),
            Map.entry("bit varying", "varbit"));

    public TypeName {
        Objects.requireNonNull(name, "name");
        name = canonical(name);
        modifiers = List.copyOf(modifiers);
    }

    static String canonical(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        if (lower.startsWith("pg_catalog.")) {
            lower = lower.substring("pg_catalog.".length());
        }
        return ALIASES.getOrDefault(lower, lower);
    }

    public boolean isSerial() {
        return name.equals("serial") || name.equals("bigserial") || name.equals("smallserial");
    }

    /** The first modifier as a number (the length of a varchar, the precision of a numeric), or -1. */
    public int firstModifier() {
        if (modifiers.isEmpty()) {
            return -1;
        }
        try {
            return Integer.parseInt(modifiers.getFirst().strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name);
        if (!modifiers.isEmpty()) {
            text.append('(').append(String.join(",", modifiers)).append(')');
        }
        if (array) {
            text.append("[]");
        }
        return text.toString();
    }
}
