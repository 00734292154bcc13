package org.changchun.layout.tiles;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.RoundingFilter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Where Web Mercator geometries land on one tile's grid, with the arithmetic of
 * mapbox-vector-tile-java's {@code JtsAdapter.createTileGeom}: the same affine transformation,
 * coordinates rounded with {@code Math.round}, lines and polygons then through the same simplifier.
 * What it leaves out is the adapter's first step, an intersection with the buffered tile's
 * rectangle by JTS's original overlay: a point needs only a covers test, and a line or polygon the
 * encoder has already cut to the rectangle (with OverlayNG) comes out of that intersection as it
 * went in, at a cost that was most of a tile of many points and a large share of a low-zoom tile
 * of many polygons (docs/benchmarks.md, "Findings"). {@code TileGridTest} holds both to the adapter's answers. Multipoints alone follow
 * PostGIS rather than the adapter (see {@link #onGrid(Geometry)}), as {@code TileContractTest} checks.
 */
final class TileGrid {

    private static final double ADAPTER_SIMPLIFY_TOLERANCE = 0.1;

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

    /**
     * A multipoint, line or polygon that lies within the buffered tile, on the tile grid; the
     * simplifier at a tenth of a unit is the adapter's, and drops the repeated vertices that rounding
     * leaves. The points of a multipoint that land on the same unit fold into one, as
     * {@code ST_AsMVTGeom} folds them.
     */
    Geometry onGrid(Geometry withinClip) {
        if (withinClip.isEmpty()) {
            return withinClip;
        }
        Geometry onGrid = toGrid.transform(withinClip);
        onGrid.apply(RoundingFilter.INSTANCE);
        if (onGrid instanceof MultiPoint) {
            Coordinate[] distinct = new LinkedHashSet<>(Arrays.asList(onGrid.getCoordinates())).toArray(Coordinate[]::new);
            return distinct.length == 1 ? onGrid.getFactory().createPoint(distinct[0])
                    : onGrid.getFactory().createMultiPointFromCoords(distinct);
        }
        return TopologyPreservingSimplifier.simplify(onGrid, ADAPTER_SIMPLIFY_TOLERANCE);
    }

    /** The point on the tile grid; call only for a point the tile {@linkplain #covers covers}. */
    Coordinate onGrid(double x, double y) {
        Coordinate onGrid = toGrid.transform(new Coordinate(x, y), new Coordinate());
        onGrid.x = Math.round(onGrid.x);
        onGrid.y = Math.round(onGrid.y);
        return onGrid;
    }
}
