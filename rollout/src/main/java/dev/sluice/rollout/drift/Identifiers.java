package dev.sluice.rollout.drift;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * PostgreSQL's {@code quote_ident}: an identifier is written bare when it is lower case, starts
 * with a letter or underscore and is not a keyword PostgreSQL reserves in some position; otherwise
 * in double quotes with inner quotes doubled. Snapshot names use it, so a name is also valid SQL.
 */
public final class Identifiers {

    private static final Pattern BARE = Pattern.compile("[a-z_][a-z0-9_]*");

    /** Every keyword of PostgreSQL 17 that is not UNRESERVED ({@code pg_get_keywords()} catcode R, C or T). */
    private static final Set<String> KEYWORDS = Set.of((
            "all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean " +
            "both case cast char character check coalesce collate collation column concurrently constraint " +
            "create cross current_catalog current_date current_role current_schema current_time " +
            "current_timestamp current_user dec decimal default deferrable desc distinct do else end except " +
            "exists extract false fetch float for foreign freeze from full grant greatest group grouping having " +
            "ilike in initially inner inout int integer intersect interval into is isnull join json json_array " +
            "json_arrayagg json_exists json_object json_objectagg json_query json_scalar json_serialize " +
            "json_table json_value lateral leading least left like limit localtime localtimestamp merge_action " +
            "national natural nchar none normalize not notnull null nullif numeric offset on only or order out " +
            "outer overlaps overlay placing position precision primary real references returning right row " +
            "select session_user setof similar smallint some substring symmetric system_user table tablesample " +
            "then time timestamp to trailing treat trim true union unique user using values varchar variadic " +
            "verbose when where window with xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces " +
            "xmlparse xmlpi xmlroot xmlserialize xmltable"
            ).split(" "));

    private Identifiers() {
    }

    public static String quote(String identifier) {
        if (BARE.matcher(identifier).matches() && !KEYWORDS.contains(identifier)) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code schema.name}, each part quoted. */
    public static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    /** A string literal, as {@code quote_literal} writes it for standard_conforming_strings on. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
