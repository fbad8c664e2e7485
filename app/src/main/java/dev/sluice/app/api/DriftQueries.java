package dev.sluice.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sluice.rollout.controller.Transactions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last drift check of each target database ({@code sluice.drift_state}) beside the schema it
 * is checked against (the latest {@code sluice.schema_snapshot}, described, never its text).
 */
@Singleton
final class DriftQueries {

    /**
     * One target database. The check's fields are null until one has run; {@code snapshot} is null
     * while no schema was recorded for it.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Database(String target, String database, @Nullable String repository, @Nullable Boolean drifted, @Nullable Integer differences,
            @Nullable String report, @Nullable String since, @Nullable String checkedAt, @Nullable Snapshot snapshot) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Snapshot(@Nullable String repository, @Nullable String release, String takenAt, String takenBy, String reason, String digest) {
    }

    private final Transactions transactions;

    DriftQueries(Transactions transactions) {
        this.transactions = transactions;
    }

    List<Database> all(Optional<Boolean> drifted) {
        return transactions.inTransaction(connection -> {
            List<Database> databases = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    WITH latest AS (
                        SELECT DISTINCT ON (target, database) target, database, repository, release, taken_at, taken_by, reason, digest
                        FROM sluice.schema_snapshot ORDER BY target, database, id DESC)
                    SELECT coalesce(d.target, s.target) AS target, coalesce(d.database, s.database) AS database,
                           coalesce(d.repository, s.repository) AS repository, d.drifted, d.differences, d.report, d.since, d.checked_at,
                           s.target IS NOT NULL AS has_snapshot, s.repository AS snapshot_repository, s.release, s.taken_at, s.taken_by,
                           s.reason, s.digest
                    FROM sluice.drift_state d FULL JOIN latest s ON s.target = d.target AND s.database = d.database
                    WHERE (?::boolean IS NULL OR d.drifted = ?)
                    ORDER BY 1, 2""")) {
                query.setObject(1, drifted.orElse(null), java.sql.Types.BOOLEAN);
                query.setObject(2, drifted.orElse(null), java.sql.Types.BOOLEAN);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        boolean checked = row.getTimestamp("checked_at") != null;
                        Snapshot snapshot = row.getBoolean("has_snapshot")
                                ? new Snapshot(row.getString("snapshot_repository"), row.getString("release"), text(row.getTimestamp("taken_at")),
                                        row.getString("taken_by"), row.getString("reason"), row.getString("digest"))
                                : null;
                        databases.add(new Database(row.getString("target"), row.getString("database"), row.getString("repository"),
                                checked ? row.getBoolean("drifted") : null, checked ? row.getInt("differences") : null,
                                checked ? row.getString("report") : null, text(row.getTimestamp("since")), text(row.getTimestamp("checked_at")),
                                snapshot));
                    }
                }
            }
            return databases;
        });
    }

    private static @Nullable String text(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().toString();
    }
}
