package org.changchun.layout.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** A faster way than batched INSERTs to fill a new feature table, where the database has one. */
public interface BulkLoader {

    /**
     * Appends rows to a table inside the caller's transaction.
     *
     * @param columns the table's columns in row order: {@code id}, {@code c_1}..{@code c_n}, {@code geom}
     * @param rows    each row: the id (String), the field values already coerced to their Java type
     *                (String, Long, Double, Boolean, LocalDate or null), and the geometry as EWKB
     *                (WGS84, with its SRID)
     */
    void load(Connection connection, String table, List<String> columns, List<Object[]> rows) throws SQLException;
}
