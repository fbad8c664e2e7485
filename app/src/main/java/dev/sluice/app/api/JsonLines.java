package dev.sluice.app.api;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A query's rows as JSON Lines, encoded only as the reader asks for more: the HTTP server reads
 * it at the pace the client takes it, so neither the rows nor the text pile up in memory. Owns
 * the connection, and gives it back when the rows run out, the reader closes it, or a read fails.
 */
final class JsonLines<T> extends InputStream {

    /** One row read from the result set. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** One value as JSON, without the line break. */
    @FunctionalInterface
    interface Encoder<T> {
        byte[] encode(T value) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(JsonLines.class);
    private static final int CHUNK = 64 * 1024;

    private final Connection connection;
    private final PreparedStatement query;
    private final ResultSet rows;
    private final RowReader<T> reader;
    private final Encoder<T> encoder;
    private byte[] buffer = new byte[0];
    private int end;
    private int position;
    private boolean closed;

    JsonLines(Connection connection, PreparedStatement query, ResultSet rows, RowReader<T> reader, Encoder<T> encoder) {
        this.connection = connection;
        this.query = query;
        this.rows = rows;
        this.reader = reader;
        this.encoder = encoder;
    }

    @Override
    public synchronized int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == end && !fill()) {
            return -1;
        }
        int count = Math.min(length, end - position);
        System.arraycopy(buffer, position, target, offset, count);
        position += count;
        return count;
    }

    /** Encodes rows until about a chunk is ready; false when there are no more. */
    private boolean fill() throws IOException {
        if (closed) {
            return false;
        }
        byte[] chunk = new byte[CHUNK + 1024];
        int size = 0;
        try {
            while (size < CHUNK && rows.next()) {
                byte[] line = encoder.encode(reader.read(rows));
                if (size + line.length + 1 > chunk.length) {
                    chunk = Arrays.copyOf(chunk, Math.max(chunk.length * 2, size + line.length + 1));
                }
                System.arraycopy(line, 0, chunk, size, line.length);
                chunk[size + line.length] = '\n';
                size += line.length + 1;
            }
        } catch (SQLException e) {
            close();
            throw new IOException("reading the export failed: " + e.getMessage(), e);
        }
        if (size == 0) {
            close();
            return false;
        }
        buffer = chunk;
        end = size;
        position = 0;
        return true;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            rows.close();
            query.close();
            connection.rollback(); // read only: nothing to keep, and it ends the cursor's transaction
        } catch (SQLException e) {
            LOG.debug("Closing an export's query failed: {}", e.getMessage());
        } finally {
            closeQuietly(connection);
        }
    }

    static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.setAutoCommit(true);
            connection.setReadOnly(false);
        } catch (SQLException e) {
            LOG.debug("Resetting an export's connection failed: {}", e.getMessage());
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing an export's connection failed: {}", e.getMessage());
        }
    }
}
