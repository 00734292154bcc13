package org.changchun.layout.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.RowMapper;

/**
 * The rows of an open result set as a stream, each mapped as it is asked for, so that a reader
 * pulls rows from a cursor no faster than it uses them, for no longer than a time limit. The caller
 * keeps the result set open while the stream is read, and closes it.
 */
final class ResultRows<T> implements Iterator<T> {

    private final ResultSet rows;
    private final RowMapper<T> mapper;
    private final Duration limit;
    private final long deadline;
    private int read;
    /** Whether the result set stands on a row not handed out yet; null when not asked since. */
    private Boolean onRow;

    private ResultRows(ResultSet rows, RowMapper<T> mapper, Duration limit) {
        this.rows = rows;
        this.mapper = mapper;
        this.limit = limit;
        this.deadline = System.nanoTime() + limit.toNanos();
    }

    /**
     * @param limit how long, from now, the rows may take to read (the statement timeout); past it the
     *              stream ends in a {@link QueryTimeoutException}, as a statement cancelled on time does
     */
    static <T> Stream<T> stream(ResultSet rows, RowMapper<T> mapper, Duration limit) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new ResultRows<>(rows, mapper, limit),
                Spliterator.NONNULL), false);
    }

    @Override
    public boolean hasNext() {
        if (onRow == null) {
            if (System.nanoTime() - deadline > 0) {
                throw new QueryTimeoutException("reading " + read + " rows took longer than the statement timeout, "
                        + limit.toSeconds() + " s");
            }
            try {
                onRow = rows.next();
            } catch (SQLException e) {
                throw new DataRetrievalFailureException("reading the next row", e);
            }
        }
        return onRow;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        onRow = null;
        try {
            return mapper.mapRow(rows, read++);
        } catch (SQLException e) {
            throw new DataRetrievalFailureException("mapping row " + read, e);
        }
    }
}
