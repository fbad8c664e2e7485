package dev.sluice.app.api;

import dev.sluice.rollout.controller.Transactions;
import dev.sluice.rollout.release.Release;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pages of releases without their files' SQL: {@code Releases.list} loads every file's content,
 * which a list of 500 releases must not. The release rows are read here; their deployments come
 * from the same read model the pipeline's reports use ({@code Deployments.status}).
 */
@Singleton
final class ReleaseQueries {

    /** A release (its {@code files} left empty) and how many migration files it has. */
    record Row(Release release, int files) {
    }

    private final Transactions transactions;

    ReleaseQueries(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Newest first; {@link Page#fetch()} rows, so the caller can tell whether another page follows. */
    List<Row> page(Optional<String> repository, Page page) {
        return transactions.inTransaction(connection -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT r.id, r.repository, r.version, r.commit_sha, r.digest, r.pull_request, r.author, r.installation_id, r.policy,
                           r.created_at, (SELECT count(*) FROM sluice.release_file f WHERE f.release_id = r.id) AS files
                    FROM sluice.release r
                    WHERE (?::text IS NULL OR r.repository = ?) AND (?::bigint IS NULL OR r.id < ?)
                    ORDER BY r.id DESC LIMIT ?""")) {
                query.setString(1, repository.orElse(null));
                query.setString(2, repository.orElse(null));
                query.setObject(3, page.before().orElse(null), java.sql.Types.BIGINT);
                query.setObject(4, page.before().orElse(null), java.sql.Types.BIGINT);
                query.setInt(5, page.fetch());
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        int pullRequest = row.getInt("pull_request");
                        Optional<Integer> number = row.wasNull() ? Optional.empty() : Optional.of(pullRequest);
                        Release release = new Release(row.getLong("id"), row.getString("repository"), row.getString("version"),
                                row.getString("commit_sha"), row.getString("digest"), number, Optional.ofNullable(row.getString("author")),
                                row.getLong("installation_id"), row.getString("policy"), row.getTimestamp("created_at").toInstant(), List.of());
                        rows.add(new Row(release, row.getInt("files")));
                    }
                }
            }
            return rows;
        });
    }

    /** The repositories that have a release of this version (versions are per repository, so two may). */
    List<String> repositoriesWith(String version) {
        return transactions.inTransaction(connection -> {
            List<String> repositories = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT repository FROM sluice.release WHERE version = ? ORDER BY repository")) {
                query.setString(1, version);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        repositories.add(rows.getString(1));
                    }
                }
            }
            return repositories;
        });
    }
}
