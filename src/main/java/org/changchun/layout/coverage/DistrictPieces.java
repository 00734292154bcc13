package org.changchun.layout.coverage;

import java.util.Optional;
import org.changchun.layout.geo.ConvexClip;
import org.changchun.layout.geo.GeodesicArea;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * A district cut into the pieces of a quadtree, a cell split in four while the district has more
 * than {@value #MOST_VERTICES} vertices in it, each split made the first time a feature needs it
 * and cut from its parent's piece. The area a feature has in the district is then an overlay with
 * the few pieces it touches, each of a few dozen vertices, not with the whole boundary: OverlayNG
 * clips the district's thousands of vertices to the feature's box for every feature across a
 * boundary. A fixed grid fine enough for detailed boundaries cut simple stretches into many tiny
 * pieces, and the overlays' fixed cost, paid once per piece, made most of a polygon import's
 * linking (100,000 project polygons: 134,000 overlays for 21,000 feature-district pairs; with
 * the quadtree 27,000, a third of the time). A small convex feature, as most project polygons and
 * parcels are, is not overlaid at all but clips each piece ({@link ConvexClip}): the same 100,000
 * then took 0.08 s instead of 0.82 s (2.1 s with the grid). The pieces' interiors are disjoint, so
 * their areas add up. Shared by the threads that add up totals: a cell split twice at once is split
 * the same.
 */
final class DistrictPieces {

    /**
     * Measured on the plan's districts (1,000–4,000 vertices) with 100,000 project polygons: 64–256
     * alike once cut; fewer vertices, more cells to cut the first time.
     */
    static final int MOST_VERTICES = 128;
    /** A cell 1/4096 of the district's extent: deeper only for a boundary denser than any surveyed. */
    private static final int DEEPEST = 12;

    private final Cell root;

    DistrictPieces(Geometry district) {
        this.root = new Cell(district.getEnvelopeInternal(), district, 0);
    }

    /** The km² of the geometry (WGS84 lon/lat) inside the district. */
    double squareKilometresOf(Geometry geometry) {
        return root.squareKilometresOf(geometry, geometry.getEnvelopeInternal(), ConvexClip.of(geometry));
    }

    private static final class Cell {

        private final Envelope extent;
        private final Geometry piece;
        private final int depth;
        private volatile Cell[] quarters;

        Cell(Envelope extent, Geometry piece, int depth) {
            this.extent = extent;
            this.piece = piece;
            this.depth = depth;
        }

        /** @param window the geometry as a convex window, when it is one */
        double squareKilometresOf(Geometry geometry, Envelope box, Optional<ConvexClip> window) {
            if (piece.isEmpty() || !piece.getEnvelopeInternal().intersects(box)) {
                return 0;
            }
            // a feature covering the whole cell gains nothing from smaller pieces, only more overlays
            if (piece.getNumPoints() <= MOST_VERTICES || depth == DEEPEST || box.covers(extent)) {
                return window.isPresent() ? window.get().squareKilometresOf(piece)
                        : GeodesicArea.squareKilometres(OverlayNGRobust.overlay(geometry, piece, OverlayNG.INTERSECTION));
            }
            double area = 0;
            for (Cell quarter : quarters()) {
                area += quarter.squareKilometresOf(geometry, box, window);
            }
            return area;
        }

        private Cell[] quarters() {
            Cell[] known = quarters;
            if (known == null) {
                // both neighbours take their shared side from the same middle: no gap, no overlap
                double middleX = (extent.getMinX() + extent.getMaxX()) / 2;
                double middleY = (extent.getMinY() + extent.getMaxY()) / 2;
                known = new Cell[] {
                    quarter(new Envelope(extent.getMinX(), middleX, extent.getMinY(), middleY)),
                    quarter(new Envelope(middleX, extent.getMaxX(), extent.getMinY(), middleY)),
                    quarter(new Envelope(extent.getMinX(), middleX, middleY, extent.getMaxY())),
                    quarter(new Envelope(middleX, extent.getMaxX(), middleY, extent.getMaxY()))};
                quarters = known;
            }
            return known;
        }

        private Cell quarter(Envelope cell) {
            Geometry cut = OverlayNGRobust.overlay(piece, piece.getFactory().toGeometry(cell), OverlayNG.INTERSECTION);
            return new Cell(cell, cut, depth + 1);
        }
    }
}
