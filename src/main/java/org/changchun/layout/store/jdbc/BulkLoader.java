package org.changchun.layout.store.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** A faster way than batched INSERTs to fill a new feature table, where the database has one. */
public interface BulkLoader {

    /**
     * Starts appending rows to a table inside the caller's transaction. Rows reach the database
     * while the caller is still reading its source, so reading and storing overlap.
     *
     * @param columns the table's columns in row order: {@code id}, {@code c_1}..{@code c_n}, {@code geom}
     */
    Load open(Connection connection, String table, List<String> columns) throws SQLException;

    /**
     * As {@link #open}, but the table receives the rows in the order of the keys they are
     * {@linkplain Load#write(Object[], long) written} with, whatever order they come in: they are set
     * aside (in memory, then in a spill file under the directory) and sent once the last has come.
     */
    Load openInKeyOrder(Connection connection, String table, List<String> columns, Path spillDirectory)
            throws SQLException;

    /** A load that encodes rows as one {@linkplain #open opened} on a table does, and sends them nowhere: a rehearsal's. */
    Load discarding(List<String> columns);

    /** As {@link #discarding}, the rows also put in the order of their keys as {@link #openInKeyOrder} does. */
    Load discardingInKeyOrder(List<String> columns, Path spillDirectory);

    /** Takes rows and drops them: a rehearsal's where the dialect has no bulk loader. */
    Load NOTHING = new Load() {
        @Override
        public void write(Object[] row) {
            // dropped
        }

        @Override
        public void finish() {
            // nothing to finish
        }

        @Override
        public void cancel() {
            // nothing to cancel
        }
    };

    /** One bulk load in progress; the connection can run nothing else until it is finished or cancelled. */
    interface Load {

        /**
         * @param row the id (String), the field values already coerced to their Java type (String,
         *            Long, Double, Boolean, LocalDate or null), and the geometry as EWKB (WGS84,
         *            with its SRID)
         */
        void write(Object[] row) throws SQLException;

        /**
         * As {@link #write(Object[])}, with where the row goes in a load {@linkplain #openInKeyOrder in key
         * order} (from 0 to 2<sup>43</sup> - 1); other loads ignore the key.
         */
        default void write(Object[] row, long key) throws SQLException {
            write(row);
        }

        /** Returns once the database holds every row written. */
        void finish() throws SQLException;

        /** Abandons the load after a failure, leaving the connection usable for the rollback. */
        void cancel();
    }
}
