package org.changchun.layout.store.h2gis;

import org.changchun.layout.feature.FieldType;
import org.changchun.layout.store.jdbc.SpatialDialect;

/**
 * H2 with the H2GIS functions: R-tree spatial indexes ({@code CREATE SPATIAL INDEX}), which H2
 * uses for the {@code &&} operator the shared SQL puts in front of every spatial predicate.
 */
public final class H2gisDialect implements SpatialDialect {

    @Override
    public String kind() {
        return "h2gis";
    }

    @Override
    public String geometryColumnType() {
        return "GEOMETRY(GEOMETRY, 4326)";
    }

    @Override
    public String columnType(FieldType type) {
        return switch (type) {
            case STRING -> "VARCHAR";
            case INTEGER -> "BIGINT";
            case NUMBER -> "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
        };
    }

    @Override
    public String createSpatialIndex(String indexName, String table) {
        return "CREATE SPATIAL INDEX " + indexName + " ON " + table + " (geom)";
    }

    @Override
    public String nextValue(String sequence) {
        return "SELECT NEXT VALUE FOR " + sequence;
    }

    /** H2's doubles follow Java's: infinity and NaN, not errors; {@code CQL2_FINITE} refuses them. */
    @Override
    public String finiteNumber(String sql) {
        return "CQL2_FINITE(" + sql + ")";
    }

    @Override
    public String versionQuery() {
        return "SELECT 'H2GIS ' || TRIM(H2GISVERSION()) || ' on H2 ' || H2VERSION()";
    }
}
