package org.changchun.layout.store.postgis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import org.changchun.layout.store.jdbc.SpillFile;

/**
 * Rows of bytes handed back in the order of their keys, whatever order they came in, in bounded
 * memory: rows fill a run buffer, a full run is sorted and appended to a spill file, and handing back
 * merges the runs (or sorts the only run, which never touched the disk). A layer's features then
 * reach PostgreSQL once, in spatial order, instead of being stored, sorted by the database and
 * stored again (ten million points: a 14 s rewrite). Rows of equal keys come back in the order
 * they came. The {@link SpillFile} is deleted on close.
 */
final class KeySortedRows implements AutoCloseable {

    /** How many bits of a row's position in its run the sort entries keep below the key. */
    private static final int INDEX_BITS = 20;
    private static final int MAX_RUN_ROWS = 1 << INDEX_BITS;
    /** The highest key a row may have: the key and the row's index fill a positive long. */
    static final long MAX_KEY = (1L << (63 - INDEX_BITS)) - 1;
    private static final int READ_BUFFER_BYTES = 64 * 1024;

    /** One row as handed back; the bytes are only valid during the call. */
    interface RowConsumer {
        void row(byte[] bytes, int offset, int length);
    }

    private final int runRows;
    private byte[] run;
    private int runLength;
    /** Where each row of the run starts in {@link #run}; one more entry marks the end of the last. */
    private final int[] starts;
    private final long[] entries;
    private int rows;
    private final List<long[]> spilledRuns = new ArrayList<>();
    private final SpillFile spill;

    /**
     * @param runBytes       how many bytes of rows a run holds in memory before it is spilled
     * @param runRows        how many rows a run holds at most (at most 2<sup>20</sup>)
     * @param spillDirectory where the spill file goes, created on the first full run
     */
    KeySortedRows(Path spillDirectory, int runBytes, int runRows) {
        if (runRows < 1 || runRows > MAX_RUN_ROWS) {
            throw new IllegalArgumentException("a run holds 1 to " + MAX_RUN_ROWS + " rows, not " + runRows);
        }
        this.spill = new SpillFile(spillDirectory, "rows-");
        this.runRows = runRows;
        this.run = new byte[runBytes];
        this.starts = new int[runRows + 1];
        this.entries = new long[runRows];
    }

    void add(long key, byte[] bytes, int offset, int length) {
        if (key < 0 || key > MAX_KEY) {
            throw new IllegalArgumentException("a key lies in 0.." + MAX_KEY + ", not " + key);
        }
        if (rows == runRows || (rows > 0 && runLength + length > run.length)) {
            spillRun();
        }
        if (length > run.length) {
            // a row bigger than a whole run (a huge polygon) gets a run buffer of its size
            run = new byte[length];
        }
        System.arraycopy(bytes, offset, run, runLength, length);
        starts[rows] = runLength;
        entries[rows] = key << INDEX_BITS | rows;
        runLength += length;
        rows++;
    }

    /** Hands every row back in the order of the keys; once. */
    void forEachInOrder(RowConsumer consumer) {
        if (spilledRuns.isEmpty()) {
            sortRun();
            for (int i = 0; i < rows; i++) {
                int index = (int) (entries[i] & (MAX_RUN_ROWS - 1));
                consumer.row(run, starts[index], starts[index + 1] - starts[index]);
            }
            return;
        }
        spillRun();
        run = null;
        try {
            PriorityQueue<RunReader> heads = new PriorityQueue<>();
            for (int i = 0; i < spilledRuns.size(); i++) {
                RunReader reader = new RunReader(i, spilledRuns.get(i)[0], spilledRuns.get(i)[1]);
                if (reader.advance()) {
                    heads.add(reader);
                }
            }
            while (!heads.isEmpty()) {
                RunReader head = heads.poll();
                consumer.row(head.buffer.array(), head.rowOffset, head.rowLength);
                if (head.advance()) {
                    heads.add(head);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read back the rows set aside in " + spill.location(), e);
        }
    }

    @Override
    public void close() {
        run = null;
        spill.close();
    }

    /** Sorts the run's entries: by key, then (the low bits) by the order the rows came in. */
    private void sortRun() {
        starts[rows] = runLength;
        Arrays.sort(entries, 0, rows);
    }

    /** Appends the run, sorted, to the spill file as key, length and bytes per row. */
    private void spillRun() {
        if (rows == 0) {
            return;
        }
        sortRun();
        try {
            long runStart = spill.size();
            ByteBuffer out = ByteBuffer.allocate(READ_BUFFER_BYTES);
            for (int i = 0; i < rows; i++) {
                int index = (int) (entries[i] & (MAX_RUN_ROWS - 1));
                int length = starts[index + 1] - starts[index];
                if (out.remaining() < Long.BYTES + Integer.BYTES) {
                    write(out);
                }
                out.putLong(entries[i] >>> INDEX_BITS).putInt(length);
                int written = 0;
                while (written < length) {
                    if (!out.hasRemaining()) {
                        write(out);
                    }
                    int part = Math.min(out.remaining(), length - written);
                    out.put(run, starts[index] + written, part);
                    written += part;
                }
            }
            write(out);
            spilledRuns.add(new long[] {runStart, spill.size()});
        } catch (IOException e) {
            throw new UncheckedIOException("could not set rows aside in " + spill.location(), e);
        }
        rows = 0;
        runLength = 0;
    }

    private void write(ByteBuffer out) throws IOException {
        spill.append(out.flip());
        out.clear();
    }

    /** Reads one spilled run back row by row; ordered by its current row's key, then by run. */
    private final class RunReader implements Comparable<RunReader> {

        private final int runNumber;
        private long position;
        private final long end;
        private ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER_BYTES).limit(0);
        private long key;
        private int rowOffset;
        private int rowLength;

        RunReader(int runNumber, long start, long end) {
            this.runNumber = runNumber;
            this.position = start;
            this.end = end;
        }

        /** Moves to the next row; false at the end of the run. */
        boolean advance() throws IOException {
            buffer.position(rowOffset + rowLength);
            if (!available(Long.BYTES + Integer.BYTES)) {
                return false;
            }
            key = buffer.getLong();
            int length = buffer.getInt();
            if (length < 0 || length > buffer.remaining() + (end - position) || !available(length)) {
                throw new IOException("a run of the spill file ended inside a row");
            }
            rowOffset = buffer.position();
            rowLength = length;
            return true;
        }

        /** Whether that many bytes can be read from the buffer's position on, refilling it as needed. */
        private boolean available(int bytes) throws IOException {
            if (buffer.remaining() >= bytes) {
                return true;
            }
            buffer.compact();
            if (buffer.capacity() < bytes) {
                buffer = ByteBuffer.allocate(bytes).put(buffer.flip());
            }
            int limit = (int) Math.min(buffer.remaining(), end - position);
            int read = spill.read(buffer.slice(buffer.position(), limit), position);
            position += read;
            buffer.position(buffer.position() + read);
            buffer.flip();
            rowOffset = 0;
            rowLength = 0;
            return buffer.remaining() >= bytes;
        }

        @Override
        public int compareTo(RunReader other) {
            int byKey = Long.compare(key, other.key);
            return byKey != 0 ? byKey : Integer.compare(runNumber, other.runNumber);
        }
    }
}
