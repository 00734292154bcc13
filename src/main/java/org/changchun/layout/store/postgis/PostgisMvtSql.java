package org.changchun.layout.store.postgis;

import java.util.List;
import java.util.StringJoiner;
import org.changchun.layout.store.jdbc.MvtSql;

/**
 * Vector tiles encoded by PostGIS: {@code ST_AsMVTGeom} clips and snaps each geometry to the tile
 * grid (which also simplifies it for the zoom), {@code ST_AsMVT} encodes. Only rows whose geometry
 * meets the buffered tile, found with the GiST index, are read.
 *
 * <p>Two choices make a tile several times cheaper (docs/benchmarks.md, "Findings that shaped the
 * design"). Geometries are cut to the buffered tile in lon/lat before they are reprojected: most
 * of PostgreSQL's reprojection time on a district tile went to vertices far outside the tile. The
 * cut is exact, since Web Mercator maps a lon/lat box onto a rectangle; only where an edge crosses
 * the box's side is the cut point different (the edge is straight in lon/lat, not in metres), by a
 * few of the tile's 4,096 units, inside the buffer that is never drawn. And the lon/lat box arrives as a
 * parameter: computed in SQL ({@code ST_Transform} of the tile), it made the generic plan look
 * expensive, so PostgreSQL planned every tile again with the box folded in; as a parameter, it
 * keeps one plan per connection.
 *
 * <p>Below the full-detail zoom the points of big layers merge per cell ({@code tiles/MergeCells}): each
 * point's cell is counted from its position in metres, without clipping or encoding it first; or,
 * where the service holds the layer's points in memory and draws them itself, only the layer's
 * other features are read.
 */
final class PostgisMvtSql implements MvtSql {

    @Override
    public String tile(List<TileLayer> layers, int extent, int buffer) {
        StringJoiner tile = new StringJoiner(" || ", "WITH bounds AS (SELECT ST_TileEnvelope(?, ?, ?) AS tile, "
                + "ST_MakeEnvelope(?, ?, ?, ?, 4326) AS query) SELECT ", "");
        for (TileLayer layer : layers) {
            // a layer with no feature in the tile adds nothing (ST_AsMVT of no rows is empty)
            tile.add("COALESCE((SELECT ST_AsMVT(t.*, ?, " + extent + ", 'geom') FROM ("
                    + features(layer, extent, buffer) + ") t), ''::bytea)");
        }
        return tile.toString();
    }

    private static String features(TileLayer layer, int extent, int buffer) {
        String mvtGeom = "ST_AsMVTGeom(ST_Transform(ST_ClipByBox2D(f.geom, bounds.query), 3857), bounds.tile, "
                + extent + ", " + buffer + ", true)";
        String from = " FROM " + layer.table() + " f, bounds WHERE f.geom && bounds.query";
        StringJoiner attributeList = new StringJoiner("");
        for (int i = 0; i < layer.columns().size(); i++) {
            attributeList.add(", f." + layer.columns().get(i) + " AS " + quote(layer.attributes().get(i)));
        }
        int cell = layer.pointCellPixels();
        if (cell <= 0) {
            return "SELECT " + mvtGeom + " AS geom" + attributeList + from;
        }
        String notPoints = from + " AND GeometryType(f.geom) <> 'POINT'";
        if (layer.pointsDrawnElsewhere()) {
            return "SELECT " + mvtGeom + " AS geom" + attributeList + notPoints;
        }
        String otherFeatures = "SELECT " + mvtGeom + " AS geom" + attributeList + ", NULL::bigint AS point_count"
                + notPoints;
        StringJoiner nulls = new StringJoiner("");
        for (String attribute : layer.attributes()) {
            nulls.add(", NULL AS " + quote(attribute));
        }
        // points merge into one per cell, drawn at its centre; other geometries keep their attributes
        int cells = extent / cell;
        int bufferCells = buffer / cell;
        return otherFeatures + " UNION ALL SELECT ST_MakePoint(c.col * " + cell + " + " + cell / 2 + ", c.row_ * " + cell + " + "
                + cell / 2 + ") AS geom" + nulls + ", count(*) AS point_count FROM (SELECT "
                + cellOf("ST_X(p.m) - ST_XMin(bounds.tile)", "ST_XMax(bounds.tile) - ST_XMin(bounds.tile)", cells)
                + " AS col, "
                + cellOf("ST_YMax(bounds.tile) - ST_Y(p.m)", "ST_YMax(bounds.tile) - ST_YMin(bounds.tile)", cells)
                + " AS row_ FROM (SELECT ST_Transform(f.geom, 3857) AS m" + from
                + " AND GeometryType(f.geom) = 'POINT') p, bounds) c"
                + " WHERE c.col BETWEEN " + -bufferCells + " AND " + (cells - 1 + bufferCells)
                + " AND c.row_ BETWEEN " + -bufferCells + " AND " + (cells - 1 + bufferCells)
                + " GROUP BY c.col, c.row_";
    }

    /** The cell, counted from the tile's west or north edge, that an offset into the tile falls in. */
    private static String cellOf(String offset, String side, int cells) {
        return "floor((" + offset + ") / (" + side + ") * " + cells + ")::bigint";
    }

    /** An attribute name as a quoted SQL identifier. */
    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
