package dev.sluice.rollout.release;

import dev.sluice.rollout.config.EnvironmentConfig;
import dev.sluice.rollout.controller.AuditEntry;
import dev.sluice.rollout.controller.AuditLog;
import dev.sluice.rollout.controller.Outbox;
import dev.sluice.rollout.controller.OutboxKind;
import dev.sluice.rollout.controller.Transactions;
import dev.sluice.rollout.migration.Checksum;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Releases in the controller's database ({@code sluice.release}). Cutting one is a single
 * transaction: the release, its files, a waiting deployment per environment, the audit line and
 * the reports it owes GitHub. Versions are {@code YYYYMMDD.N} (UTC date, sequence), numbered
 * under a per-repository lock so replicas cutting at once never collide.
 */
public final class Releases {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Transactions transactions;
    private final Clock clock;

    public Releases(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public ReleaseCut cut(NewRelease draft) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('sluice.release'), hashtext(?))")) {
                lock.setString(1, draft.repository());
                lock.executeQuery().close();
            }
            Optional<Release> existing = byCommit(connection, draft.repository(), draft.commitSha());
            if (existing.isPresent()) {
                return new ReleaseCut.AlreadyCut(attachPullRequest(connection, existing.get(), draft));
            }
            String version = nextVersion(connection, draft.repository());
            long id;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO sluice.release (repository, version, commit_sha, digest, pull_request, author, installation_id, policy)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
                insert.setString(1, draft.repository());
                insert.setString(2, version);
                insert.setString(3, draft.commitSha());
                insert.setString(4, ReleaseDigest.of(draft.files()));
                setInteger(insert, 5, draft.pullRequest());
                insert.setString(6, draft.author().orElse(null));
                insert.setLong(7, draft.installation());
                insert.setString(8, draft.policyText());
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    id = row.getLong(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO sluice.release_file (release_id, name, checksum, content) VALUES (?, ?, ?, ?)")) {
                for (ReleaseFile file : draft.files()) {
                    insert.setLong(1, id);
                    insert.setString(2, file.name());
                    insert.setString(3, file.checksum().value());
                    insert.setString(4, file.content());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            List<EnvironmentConfig> environments = draft.policy().environments();
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO sluice.deployment (release_id, environment, position, kind, state, reason)
                    VALUES (?, ?, ?, 'deploy', 'waiting', ?)""")) {
                for (int i = 0; i < environments.size(); i++) {
                    insert.setLong(1, id);
                    insert.setString(2, environments.get(i).name());
                    insert.setInt(3, i);
                    insert.setString(4, i == 0 ? "queued" : "waits for " + environments.get(i - 1).name());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            AuditLog.append(connection, AuditEntry.of(draft.author().orElse("sluice"), "release-cut", draft.repository(),
                    "commit " + draft.commitSha() + ", " + draft.files().size() + " migration files"
                            + draft.pullRequest().map(number -> ", pull request #" + number).orElse("")).withRelease(version));
            if (draft.pullRequest().isPresent()) {
                Outbox.enqueue(connection, draft.repository(), draft.installation(), OutboxKind.RELEASE_COMMENT, version, "");
            }
            for (EnvironmentConfig environment : environments) {
                Outbox.enqueue(connection, draft.repository(), draft.installation(), OutboxKind.DEPLOY_CHECK,
                        version + " " + environment.name(), "");
            }
            if (draft.tag()) {
                Outbox.enqueue(connection, draft.repository(), draft.installation(), OutboxKind.TAG, version, draft.commitSha());
            }
            return new ReleaseCut.Created(byId(connection, id).orElseThrow());
        });
    }

    /** A push event may cut the release before the pull request's closed event names it: fill it in then. */
    private static Release attachPullRequest(Connection connection, Release release, NewRelease draft) throws SQLException {
        if (release.pullRequest().isPresent() || draft.pullRequest().isEmpty()) {
            return release;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sluice.release SET pull_request = ?, author = ? WHERE id = ? AND pull_request IS NULL")) {
            update.setInt(1, draft.pullRequest().get());
            update.setString(2, draft.author().orElse(null));
            update.setLong(3, release.id());
            update.executeUpdate();
        }
        Outbox.enqueue(connection, release.repository(), release.installation(), OutboxKind.RELEASE_COMMENT, release.version(), "");
        return byId(connection, release.id()).orElseThrow();
    }

    private String nextVersion(Connection connection, String repository) throws SQLException {
        String day = LocalDate.now(clock.withZone(ZoneOffset.UTC)).format(DAY);
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT coalesce(max(split_part(version, '.', 2)::int), 0) FROM sluice.release
                WHERE repository = ? AND split_part(version, '.', 1) = ?""")) {
            query.setString(1, repository);
            query.setString(2, day);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return day + "." + (row.getInt(1) + 1);
            }
        }
    }

    public Optional<Release> byId(long id) {
        return transactions.inTransaction(connection -> byId(connection, id));
    }

    public Optional<Release> byVersion(String repository, String version) {
        return transactions.inTransaction(connection -> one(connection, "repository = ? AND version = ?", repository, version));
    }

    public Optional<Release> byCommit(String repository, String commitSha) {
        return transactions.inTransaction(connection -> byCommit(connection, repository, commitSha));
    }

    /** The release cut from the pull request's merge (the newest, should it have been merged twice). */
    public Optional<Release> forPullRequest(String repository, int pullRequest) {
        return transactions.inTransaction(connection -> one(connection,
                "repository = ? AND pull_request = ? ORDER BY id DESC LIMIT 1", repository, pullRequest));
    }

    /** Releases newest first, for one repository or (empty) all. */
    public List<Release> list(Optional<String> repository, int limit) {
        return transactions.inTransaction(connection -> {
            List<Release> releases = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT id FROM sluice.release WHERE (?::text IS NULL OR repository = ?)"
                    + " ORDER BY id DESC LIMIT ?")) {
                query.setString(1, repository.orElse(null));
                query.setString(2, repository.orElse(null));
                query.setInt(3, limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        releases.add(byId(connection, rows.getLong(1)).orElseThrow());
                    }
                }
            }
            return releases;
        });
    }

    private static Optional<Release> byCommit(Connection connection, String repository, String commitSha) throws SQLException {
        return one(connection, "repository = ? AND commit_sha = ?", repository, commitSha);
    }

    public static Optional<Release> byId(Connection connection, long id) throws SQLException {
        return one(connection, "id = ?", id);
    }

    private static Optional<Release> one(Connection connection, String where, Object... parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT id, repository, version, commit_sha, digest, pull_request, author, installation_id, policy, created_at
                FROM sluice.release WHERE """ + " " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long id = row.getLong("id");
                int pullRequest = row.getInt("pull_request");
                Optional<Integer> number = row.wasNull() ? Optional.empty() : Optional.of(pullRequest);
                return Optional.of(new Release(id, row.getString("repository"), row.getString("version"), row.getString("commit_sha"),
                        row.getString("digest"), number, Optional.ofNullable(row.getString("author")), row.getLong("installation_id"),
                        row.getString("policy"), row.getTimestamp("created_at").toInstant(), files(connection, id)));
            }
        }
    }

    private static List<ReleaseFile> files(Connection connection, long releaseId) throws SQLException {
        List<ReleaseFile> files = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT name, checksum, content FROM sluice.release_file WHERE release_id = ? ORDER BY name")) {
            query.setLong(1, releaseId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    files.add(new ReleaseFile(rows.getString(1), new Checksum(rows.getString(2)), rows.getString(3)));
                }
            }
        }
        return files;
    }

    private static void setInteger(PreparedStatement statement, int index, Optional<Integer> value) throws SQLException {
        if (value.isPresent()) {
            statement.setInt(index, value.get());
        } else {
            statement.setNull(index, Types.INTEGER);
        }
    }
}
