package org.changchun.layout.store.postgis;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.changchun.layout.store.jdbc.BulkLoader;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Fills feature tables with one {@code COPY ... FROM STDIN (FORMAT binary)} per table, several
 * times faster than INSERTs for big imports. Rows are sent in chunks as they come, so the server
 * stores one chunk while the import reads and converts the next. Each value travels in its
 * column type's binary form (geometries as EWKB, which PostGIS's geometry receive function reads):
 * neither side spells numbers or geometry bytes out in text (hexadecimal EWKB, twice the bytes,
 * encoded by one side and parsed by the other) nor escapes text.
 */
final class PostgisCopyLoader implements BulkLoader {

    /** Big enough to amortise a network write, small enough to keep both sides busy. */
    private static final int CHUNK_BYTES = 256 * 1024;
    /** The binary format's signature, flags (none) and header extension length (none). */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};
    /**
     * A run of rows sorted in memory before it is spilled: a million points (about 110 bytes a row)
     * make seven runs, ten million seventy, merged through a 64 KB buffer each.
     */
    private static final int RUN_BYTES = 16 * 1024 * 1024;
    private static final int RUN_ROWS = 256 * 1024;
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private final int runBytes;
    private final int runRows;

    PostgisCopyLoader() {
        this(RUN_BYTES, RUN_ROWS);
    }

    /** With runs of another size than a real load's: a test's, to spill a few rows. */
    PostgisCopyLoader(int runBytes, int runRows) {
        this.runBytes = runBytes;
        this.runRows = runRows;
    }

    @Override
    public Load open(Connection connection, String table, List<String> columns) throws SQLException {
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT binary)";
        return new CopyLoad(new ToServer(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql)));
    }

    @Override
    public Load openInKeyOrder(Connection connection, String table, List<String> columns, Path spillDirectory)
            throws SQLException {
        return new KeyOrderedLoad((CopyLoad) open(connection, table, columns),
                new KeySortedRows(spillDirectory, runBytes, runRows));
    }

    @Override
    public Load discarding(List<String> columns) {
        return new CopyLoad(new Nowhere());
    }

    @Override
    public Load discardingInKeyOrder(List<String> columns, Path spillDirectory) {
        return new KeyOrderedLoad(new CopyLoad(new Nowhere()), new KeySortedRows(spillDirectory, runBytes, runRows));
    }

    /** Where a load's encoded chunks go. */
    private interface Chunks {

        void send(byte[] chunk, int length) throws SQLException;

        void end() throws SQLException;

        void cancel();
    }

    private record ToServer(CopyIn copy) implements Chunks {

        @Override
        public void send(byte[] chunk, int length) throws SQLException {
            copy.writeToCopy(chunk, 0, length);
        }

        @Override
        public void end() throws SQLException {
            copy.endCopy();
        }

        @Override
        public void cancel() {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException ignored) {
                // the transaction is being rolled back anyway; the original failure is what matters
            }
        }
    }

    private record Nowhere() implements Chunks {

        @Override
        public void send(byte[] chunk, int length) {
            // a rehearsal's rows are encoded to be thrown away
        }

        @Override
        public void end() {
            // nothing was sent
        }

        @Override
        public void cancel() {
            // nothing was sent
        }
    }

    /**
     * Encodes each row as it comes and sets it aside by its key; once all have come, sends them in
     * the order of the keys.
     */
    private static final class KeyOrderedLoad implements Load {

        private final CopyLoad target;
        private final KeySortedRows sorted;
        private final CopyLoad encoded = new CopyLoad(new Nowhere());

        KeyOrderedLoad(CopyLoad target, KeySortedRows sorted) {
            this.target = target;
            this.sorted = sorted;
        }

        @Override
        public void write(Object[] row) {
            throw new IllegalStateException("a load in key order takes each row with its key");
        }

        @Override
        public void write(Object[] row, long key) {
            encoded.length = 0;
            encoded.row(row);
            sorted.add(key, encoded.buffer, 0, encoded.length);
        }

        @Override
        public void finish() throws SQLException {
            try {
                sorted.forEachInOrder(target::encodedRow);
                target.finish();
            } catch (SendFailure e) {
                throw e.getCause();
            } finally {
                sorted.close();
            }
        }

        @Override
        public void cancel() {
            sorted.close();
            target.cancel();
        }
    }

    /** Carries a failure to send a chunk out of a row consumer, which may not throw it. */
    private static final class SendFailure extends RuntimeException {

        SendFailure(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    /** Rows in PostgreSQL's binary copy format: per row its field count, then each field's length and bytes. */
    private static final class CopyLoad implements Load {

        private final Chunks chunks;
        private byte[] buffer = new byte[CHUNK_BYTES + 64 * 1024];
        private int length;

        CopyLoad(Chunks chunks) {
            this.chunks = chunks;
            System.arraycopy(HEADER, 0, buffer, 0, HEADER.length);
            length = HEADER.length;
        }

        @Override
        public void write(Object[] row) throws SQLException {
            row(row);
            sendWhenFull();
        }

        /** Appends a row encoded before by {@link #row}. */
        void encodedRow(byte[] bytes, int offset, int rowLength) {
            room(rowLength);
            System.arraycopy(bytes, offset, buffer, length, rowLength);
            length += rowLength;
            try {
                sendWhenFull();
            } catch (SQLException e) {
                throw new SendFailure(e);
            }
        }

        private void sendWhenFull() throws SQLException {
            if (length >= CHUNK_BYTES) {
                send();
            }
        }

        private void row(Object[] row) {
            room(2);
            putShort(row.length);
            for (Object value : row) {
                field(value);
            }
        }

        @Override
        public void finish() throws SQLException {
            room(2);
            putShort(-1);
            send();
            chunks.end();
        }

        @Override
        public void cancel() {
            chunks.cancel();
        }

        private void field(Object value) {
            if (value == null) {
                room(4);
                putInt(-1);
            } else if (value instanceof byte[] bytes) {
                bytes(bytes);
            } else if (value instanceof String text) {
                text(text);
            } else if (value instanceof Long number) {
                room(12);
                putInt(8);
                putLong(number);
            } else if (value instanceof Double number) {
                room(12);
                putInt(8);
                putLong(Double.doubleToRawLongBits(number));
            } else if (value instanceof Boolean bool) {
                room(5);
                putInt(1);
                buffer[length++] = (byte) (bool ? 1 : 0);
            } else if (value instanceof LocalDate date) {
                room(8);
                putInt(4);
                putInt(Math.toIntExact(date.toEpochDay() - POSTGRES_EPOCH_DAY));
            } else {
                throw new IllegalArgumentException("no binary copy form for a " + value.getClass().getName());
            }
        }

        /** ASCII, most of a layer's keys and codes, goes straight in; other text through its UTF-8 bytes. */
        private void text(String text) {
            int count = text.length();
            room(4 + count);
            int start = length + 4;
            for (int i = 0; i < count; i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    bytes(text.getBytes(StandardCharsets.UTF_8));
                    return;
                }
                buffer[start + i] = (byte) c;
            }
            putInt(count);
            length += count;
        }

        private void bytes(byte[] bytes) {
            room(4 + bytes.length);
            putInt(bytes.length);
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
        }

        private void room(int needed) {
            if (length + needed > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + needed));
            }
        }

        private void putShort(int value) {
            buffer[length++] = (byte) (value >> 8);
            buffer[length++] = (byte) value;
        }

        private void putInt(int value) {
            buffer[length++] = (byte) (value >> 24);
            buffer[length++] = (byte) (value >> 16);
            buffer[length++] = (byte) (value >> 8);
            buffer[length++] = (byte) value;
        }

        private void putLong(long value) {
            putInt((int) (value >> 32));
            putInt((int) value);
        }

        private void send() throws SQLException {
            if (length > 0) {
                chunks.send(buffer, length);
                length = 0;
            }
        }
    }
}
