package org.changchun.layout.store.jdbc;

import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * A plan polygon's envelope cut into a grid of cells, each known to lie inside the polygon,
 * outside it, or to be touched by its boundary. A point in an untouched cell is placed by one
 * array lookup; only points in touched cells get the exact point-in-polygon test, which for a
 * district boundary of thousands of vertices was most of the time spent linking a point layer.
 * Built eagerly in a few milliseconds: every boundary segment marks the cells its bounding box
 * meets, and along each row of cells the untouched ones between two touched ones all lie on one
 * side, so one exact test places the whole run.
 */
final class PolygonPointGrid {

    /** Below this many vertices the exact test is cheap enough on its own. */
    private static final int MIN_VERTICES = 64;
    private static final int CELLS = 256;
    /** Widens each segment's box by this share of a cell, so a boundary lying on a cell's edge marks both sides. */
    private static final double MARGIN = 1e-6;
    private static final byte TOUCHED = 0;
    private static final byte INSIDE = 1;
    private static final byte OUTSIDE = 2;

    private final double minX;
    private final double minY;
    private final double cellWidth;
    private final double cellHeight;
    private final Envelope envelope;
    private final byte[] cells = new byte[CELLS * CELLS];

    PolygonPointGrid(Geometry polygonal, PointOnGeometryLocator locator) {
        envelope = polygonal.getEnvelopeInternal();
        minX = envelope.getMinX();
        minY = envelope.getMinY();
        cellWidth = envelope.getWidth() / CELLS;
        cellHeight = envelope.getHeight() / CELLS;
        boolean[] touched = new boolean[CELLS * CELLS];
        for (int i = 0; i < polygonal.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) polygonal.getGeometryN(i);
            mark(polygon.getExteriorRing(), touched);
            for (int hole = 0; hole < polygon.getNumInteriorRing(); hole++) {
                mark(polygon.getInteriorRingN(hole), touched);
            }
        }
        for (int row = 0; row < CELLS; row++) {
            int column = 0;
            while (column < CELLS) {
                if (touched[row * CELLS + column]) {
                    column++;
                    continue;
                }
                int runEnd = column;
                while (runEnd < CELLS && !touched[row * CELLS + runEnd]) {
                    runEnd++;
                }
                Coordinate centre = new Coordinate(minX + (column + 0.5) * cellWidth, minY + (row + 0.5) * cellHeight);
                byte side = locator.locate(centre) == Location.INTERIOR ? INSIDE : OUTSIDE;
                for (int c = column; c < runEnd; c++) {
                    cells[row * CELLS + c] = side;
                }
                column = runEnd;
            }
        }
    }

    /** Whether a grid pays for itself on this polygon: a boundary of many vertices, and an area to cut. */
    static boolean worthwhile(Geometry polygonal) {
        Envelope box = polygonal.getEnvelopeInternal();
        return polygonal.getNumPoints() >= MIN_VERTICES && box.getWidth() > 0 && box.getHeight() > 0;
    }

    /**
     * {@link Location#INTERIOR} or {@link Location#EXTERIOR} where the grid can tell, else
     * {@code -1}: the point lies in a cell the boundary touches and needs the exact test.
     */
    int locate(double x, double y) {
        if (!envelope.contains(x, y)) {
            return Location.EXTERIOR;
        }
        int column = Math.min(CELLS - 1, (int) ((x - minX) / cellWidth));
        int row = Math.min(CELLS - 1, (int) ((y - minY) / cellHeight));
        return switch (cells[row * CELLS + column]) {
            case INSIDE -> Location.INTERIOR;
            case OUTSIDE -> Location.EXTERIOR;
            default -> -1;
        };
    }

    private void mark(LineString ring, boolean[] touched) {
        CoordinateSequence points = ring.getCoordinateSequence();
        for (int i = 1; i < points.size(); i++) {
            double x0 = points.getX(i - 1);
            double y0 = points.getY(i - 1);
            double x1 = points.getX(i);
            double y1 = points.getY(i);
            int fromColumn = index((Math.min(x0, x1) - minX) / cellWidth - MARGIN);
            int toColumn = index((Math.max(x0, x1) - minX) / cellWidth + MARGIN);
            int fromRow = index((Math.min(y0, y1) - minY) / cellHeight - MARGIN);
            int toRow = index((Math.max(y0, y1) - minY) / cellHeight + MARGIN);
            for (int row = fromRow; row <= toRow; row++) {
                for (int column = fromColumn; column <= toColumn; column++) {
                    touched[row * CELLS + column] = true;
                }
            }
        }
    }

    private static int index(double cells) {
        return Math.max(0, Math.min(CELLS - 1, (int) Math.floor(cells)));
    }
}
