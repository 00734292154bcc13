package org.changchun.layout.geo;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Spherical ("Web") Mercator, EPSG:3857, the projection of the WebMercatorQuad tile grid. Written
 * out rather than run through proj4j because tiles project every vertex they draw and the formula
 * is two lines; {@code WebMercatorTest} checks it against proj4j.
 */
public final class WebMercator {

    public static final double RADIUS = 6_378_137.0;
    /** Half the width of the world in metres: the grid spans ±this on both axes. */
    public static final double HALF_WORLD = Math.PI * RADIUS;
    /** The latitude at which the square grid ends. */
    public static final double MAX_LATITUDE = 85.05112877980659;

    private WebMercator() {
    }

    /** A copy of a WGS84 lon/lat geometry in Web Mercator metres (latitudes clamped to the grid). */
    public static Geometry project(Geometry lonLat) {
        Geometry copy = lonLat.copy();
        copy.apply(PROJECT);
        copy.setSRID(3857);
        return copy;
    }

    public static double x(double lon) {
        return RADIUS * Math.toRadians(lon);
    }

    public static double y(double lat) {
        double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
        return RADIUS * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2));
    }

    public static double lon(double x) {
        return Math.toDegrees(x / RADIUS);
    }

    public static double lat(double y) {
        return Math.toDegrees(2 * Math.atan(Math.exp(y / RADIUS)) - Math.PI / 2);
    }

    /**
     * Tile z/x/y of the WebMercatorQuad grid in metres (row 0 at the top, north), grown on each
     * side by {@code margin} times its width, the buffer of a vector tile.
     */
    public static Envelope tile(int z, int x, int y, double margin) {
        double size = 2 * HALF_WORLD / (1L << z);
        double minX = -HALF_WORLD + x * size;
        double maxY = HALF_WORLD - y * size;
        Envelope tile = new Envelope(minX, minX + size, maxY - size, maxY);
        tile.expandBy(size * margin);
        return tile;
    }

    /** A Web Mercator box as a WGS84 lon/lat box (exact: both axes map independently). */
    public static Envelope toLonLat(Envelope metres) {
        return new Envelope(lon(metres.getMinX()), lon(metres.getMaxX()), lat(metres.getMinY()), lat(metres.getMaxY()));
    }

    private static final CoordinateSequenceFilter PROJECT = new CoordinateSequenceFilter() {
        @Override
        public void filter(CoordinateSequence sequence, int i) {
            sequence.setOrdinate(i, CoordinateSequence.X, x(sequence.getX(i)));
            sequence.setOrdinate(i, CoordinateSequence.Y, y(sequence.getY(i)));
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    };
}
