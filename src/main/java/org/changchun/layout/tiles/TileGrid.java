package org.changchun.layout.tiles;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Where a Web Mercator point lands on one tile's grid, with the arithmetic of
 * mapbox-vector-tile-java's {@code JtsAdapter.createTileGeom}: kept when the buffered tile covers
 * it, mapped by the same affine transformation, rounded with {@code Math.round}. For a point the
 * adapter's overlay (a point against the tile's rectangle) and simplifier change nothing but cost
 * most of the time of a tile of many points; {@code TileGridTest} holds the two to the same answer.
 */
final class TileGrid {

    private final Envelope clip;
    private final AffineTransformation toGrid = new AffineTransformation();

    /**
     * @param tile   the tile in Web Mercator metres
     * @param clip   the tile with its buffer
     * @param extent grid units per side of the tile
     */
    TileGrid(Envelope tile, Envelope clip, int extent) {
        this.clip = clip;
        // built step by step as the adapter builds it, so that both compose the same matrix
        toGrid.translate(-tile.getMinX(), -tile.getMinY());
        toGrid.scale(1d / (tile.getWidth() / extent), -1d / (tile.getHeight() / extent));
        toGrid.translate(0d, extent);
    }

    /** Whether the buffered tile holds the point (edges included, as the adapter's clip keeps them). */
    boolean covers(double x, double y) {
        return clip.covers(x, y);
    }

    /** The point on the tile grid; call only for a point the tile {@linkplain #covers covers}. */
    Coordinate onGrid(double x, double y) {
        Coordinate onGrid = toGrid.transform(new Coordinate(x, y), new Coordinate());
        onGrid.x = Math.round(onGrid.x);
        onGrid.y = Math.round(onGrid.y);
        return onGrid;
    }
}
