package dev.sluice.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sluice.rollout.controller.ControllerStateException;
import dev.sluice.rollout.controller.Transactions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code sluice.audit_event}: a page at a time, or every matching line as a stream. */
@Singleton
final class AuditQueries {

    /** Rows a JSON Lines export reads from the cursor at a time: memory stays flat however many lines match. */
    static final int FETCH_SIZE = 1000;

    private static final String COLUMNS = "id, occurred_at, actor, action, repository, environment, release, target, detail";

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Event(long id, String occurredAt, String actor, String action, @Nullable String repository, @Nullable String environment,
            @Nullable String release, @Nullable String target, String detail) {

        static Event read(ResultSet row) throws SQLException {
            return new Event(row.getLong("id"), row.getTimestamp("occurred_at").toInstant().toString(), row.getString("actor"),
                    row.getString("action"), row.getString("repository"), row.getString("environment"), row.getString("release"),
                    row.getString("target"), row.getString("detail"));
        }
    }

    private final Transactions transactions;

    AuditQueries(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Newest first; {@link Page#fetch()} rows, so the caller can tell whether another page follows. */
    List<Event> page(AuditFilter filter, Page page) {
        List<Object> parameters = new ArrayList<>();
        String where = filter.where(parameters);
        if (page.before().isPresent()) {
            where += " AND id < ?";
            parameters.add(page.before().get());
        }
        parameters.add(page.fetch());
        String sql = "SELECT " + COLUMNS + " FROM sluice.audit_event WHERE " + where + " ORDER BY id DESC LIMIT ?";
        return transactions.inTransaction(connection -> {
            List<Event> events = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, sql, parameters); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(Event.read(rows));
                }
            }
            return events;
        });
    }

    /**
     * Every matching line, oldest first, as JSON Lines. The query runs on a connection of its own
     * inside a transaction with a fetch size, so PostgreSQL hands rows over through a cursor as the
     * client reads; the connection goes back to the pool when the stream is read or closed.
     */
    InputStream export(AuditFilter filter, JsonLines.Encoder<Event> encoder) {
        List<Object> parameters = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + " FROM sluice.audit_event WHERE " + filter.where(parameters) + " ORDER BY id";
        Connection connection = null;
        try {
            connection = transactions.dataSource().getConnection();
            connection.setAutoCommit(false); // the PostgreSQL driver streams with a cursor only inside a transaction
            connection.setReadOnly(true);
            PreparedStatement query = prepare(connection, sql, parameters);
            query.setFetchSize(FETCH_SIZE);
            return new JsonLines<>(connection, query, query.executeQuery(), Event::read, encoder);
        } catch (SQLException e) {
            JsonLines.closeQuietly(connection);
            throw new ControllerStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }
}
