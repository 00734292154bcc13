package org.changchun.layout.store.h2gis;

import java.sql.SQLException;

/**
 * Java functions the H2 database calls by name ({@code CREATE ALIAS} in the h2gis migrations):
 * renaming this class or a method needs a migration that redefines the alias.
 */
public final class H2gisFunctions {

    /** SQLSTATE 22003, "numeric value out of range", as PostgreSQL reports an overflow. */
    private static final String OUT_OF_RANGE = "22003";

    private H2gisFunctions() {
    }

    /**
     * {@code CQL2_FINITE(x)}: x if it is a finite number. H2 answers NULL for a NULL argument
     * without calling this (the parameter is primitive).
     *
     * @throws SQLException with SQLSTATE 22003 for infinity and NaN
     */
    public static double finite(double value) throws SQLException {
        if (!Double.isFinite(value)) {
            throw new SQLException("value out of range: " + value, OUT_OF_RANGE);
        }
        return value;
    }
}
