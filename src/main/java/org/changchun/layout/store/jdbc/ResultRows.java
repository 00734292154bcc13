package org.changchun.layout.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.jdbc.core.RowMapper;

/**
 * The rows of an open result set as a stream, each mapped as it is asked for, so that a reader
 * pulls rows from a cursor no faster than it uses them. The caller keeps the result set open while
 * the stream is read, and closes it.
 */
final class ResultRows<T> implements Iterator<T> {

    private final ResultSet rows;
    private final RowMapper<T> mapper;
    private int read;
    /** Whether the result set stands on a row not handed out yet; null when not asked since. */
    private Boolean onRow;

    private ResultRows(ResultSet rows, RowMapper<T> mapper) {
        this.rows = rows;
        this.mapper = mapper;
    }

    static <T> Stream<T> stream(ResultSet rows, RowMapper<T> mapper) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new ResultRows<>(rows, mapper),
                Spliterator.NONNULL), false);
    }

    @Override
    public boolean hasNext() {
        if (onRow == null) {
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
