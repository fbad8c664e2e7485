package dev.sluice.rollout.drift;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A normalized model of a database's schema, read from the system catalogs: its objects sorted by
 * kind and name, each name once. Two databases with the same schema have equal snapshots whatever
 * order their statements ran in (see docs/drift.md for what counts).
 */
public record SchemaSnapshot(List<SchemaObject> objects) {

    public SchemaSnapshot {
        objects = objects.stream()
                .sorted(Comparator.comparing(SchemaObject::kind).thenComparing(SchemaObject::name))
                .toList();
        for (int i = 1; i < objects.size(); i++) {
            if (objects.get(i).key().equals(objects.get(i - 1).key())) {
                throw new IllegalArgumentException("two objects named " + objects.get(i).key());
            }
        }
    }

    /** Reads the schema of the connection's database; see {@link SchemaReader}. */
    public static SchemaSnapshot read(Connection connection) throws SQLException {
        return SchemaReader.read(connection);
    }

    /** The objects by {@link SchemaObject#key()}, in order. */
    public Map<String, SchemaObject> byKey() {
        Map<String, SchemaObject> byKey = new LinkedHashMap<>();
        objects.forEach(object -> byKey.put(object.key(), object));
        return byKey;
    }

    /** Stable, versioned text that {@link #parse(String)} reads back to an equal snapshot. */
    public String serialize() {
        return SnapshotText.write(this);
    }

    /** @throws IllegalArgumentException for text that is not a snapshot of a known version */
    public static SchemaSnapshot parse(String text) {
        return SnapshotText.read(text);
    }

    /** {@code sha256:} and the hex SHA-256 of {@link #serialize()} in UTF-8. */
    public String digest() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(serialize().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
