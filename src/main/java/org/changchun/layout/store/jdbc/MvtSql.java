package org.changchun.layout.store.jdbc;

import java.util.List;

/** The SQL of a database that encodes Mapbox vector tiles itself. */
public interface MvtSql {

    /**
     * A query returning one row with one binary column: one layer of tile z/x/y encoded as MVT,
     * empty when no feature falls in it. Its parameters, in order: z, x, y; the buffered tile as a
     * WGS84 lon/lat box (west, south, east, north), the features to read; the MVT layer name.
     *
     * @param table          the feature table
     * @param columns        the attribute columns, in order
     * @param attributes     the attribute names for those columns, already validated
     * @param pointCellPixels 0 to keep every point, else the cell size points are merged by
     */
    String layerTile(String table, List<String> columns, List<String> attributes, int extent, int buffer,
                     int pointCellPixels);
}
