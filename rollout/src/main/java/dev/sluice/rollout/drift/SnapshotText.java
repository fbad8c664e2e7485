package dev.sluice.rollout.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text form of a snapshot, one line per object and per attribute, fields separated by tabs:
 *
 * <pre>
 * sluice-schema-snapshot	1
 * O	COLUMN	public.users.age
 * A	type	integer
 * </pre>
 *
 * Backslash, tab, newline and carriage return are escaped ({@code \\ \t \n \r}), so any
 * definition text survives; everything else (unicode, quotes, {@code $$}) is written as it is.
 * The version on the first line changes if the format ever does.
 */
final class SnapshotText {

    static final String HEADER = "sluice-schema-snapshot\t1";

    private SnapshotText() {
    }

    static String write(SchemaSnapshot snapshot) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (SchemaObject object : snapshot.objects()) {
            text.append("O\t").append(object.kind().name()).append('\t').append(escape(object.name())).append('\n');
            object.attributes().forEach((key, value) ->
                    text.append("A\t").append(escape(key)).append('\t').append(escape(value)).append('\n'));
        }
        return text.toString();
    }

    static SchemaSnapshot read(String text) {
        String[] lines = text.split("\n", -1);
        if (!lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("not a schema snapshot of version 1: the first line is '" + lines[0] + "'");
        }
        List<SchemaObject> objects = new ArrayList<>();
        ObjectKind kind = null;
        String name = null;
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() && i == lines.length - 1) {
                break;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 3) {
                throw new IllegalArgumentException("line " + (i + 1) + " of the snapshot has " + fields.length + " fields, not 3");
            }
            switch (fields[0]) {
                case "O" -> {
                    if (kind != null) {
                        objects.add(new SchemaObject(kind, name, attributes));
                    }
                    kind = ObjectKind.valueOf(fields[1]);
                    name = unescape(fields[2]);
                    attributes = new LinkedHashMap<>();
                }
                case "A" -> {
                    if (kind == null) {
                        throw new IllegalArgumentException("line " + (i + 1) + " of the snapshot is an attribute before any object");
                    }
                    attributes.put(unescape(fields[1]), unescape(fields[2]));
                }
                default -> throw new IllegalArgumentException("line " + (i + 1) + " of the snapshot starts with '" + fields[0] + "'");
            }
        }
        if (kind != null) {
            objects.add(new SchemaObject(kind, name, attributes));
        }
        return new SchemaSnapshot(objects);
    }

    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    static String unescape(String value) {
        StringBuilder plain = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                plain.append(c);
                continue;
            }
            if (++i == value.length()) {
                throw new IllegalArgumentException("a snapshot value ends with a lone backslash");
            }
            plain.append(switch (value.charAt(i)) {
                case '\\' -> '\\';
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> throw new IllegalArgumentException("unknown escape \\" + value.charAt(i) + " in a snapshot value");
            });
        }
        return plain.toString();
    }
}
