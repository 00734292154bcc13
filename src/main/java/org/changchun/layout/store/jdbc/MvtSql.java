package org.changchun.layout.store.jdbc;

import java.util.List;

/** The SQL of a database that encodes Mapbox vector tiles itself. */
public interface MvtSql {

    /**
     * One layer of a tile.
     *
     * @param table                the feature table
     * @param columns              the attribute columns, in order
     * @param attributes           the attribute names for those columns, already validated
     * @param pointCellPixels      0 to keep every point, else the cell size points are merged by
     * @param pointsDrawnElsewhere the merged points are left out: only the other features are drawn
     */
    record TileLayer(String table, List<String> columns, List<String> attributes, int pointCellPixels,
                     boolean pointsDrawnElsewhere) {
    }

    /**
     * A query returning one row with one binary column: tile z/x/y of these layers encoded as MVT,
     * one MVT layer each, in order, and empty when no feature falls in it. Its parameters, in
     * order: z, x, y; the buffered tile as a WGS84 lon/lat box (west, south, east, north), the
     * features to read; then each layer's MVT name.
     */
    String tile(List<TileLayer> layers, int extent, int buffer);
}
