package org.changchun.layout.coverage;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.changchun.layout.geo.GeodesicArea;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * A district cut along a grid over its extent, each cell's piece cut the first time a feature
 * needs it, so that the area a small feature has in the district is an overlay with the few
 * vertices of the pieces it touches, not with the whole boundary: OverlayNG clips the district's
 * thousands of vertices to the feature's box for every feature across a boundary, most of a
 * million-parcel import's totals. The pieces' interiors are disjoint, so their areas add up.
 * Shared by the threads that add up totals: a piece cut twice at once is cut the same.
 */
final class DistrictPieces {

    static final int CELLS_PER_SIDE = 64;
    /** Beyond this many cells a feature is overlaid with the whole district: one clip costs less. */
    private static final int MOST_CELLS = 16;
    /** Stands for a cell the district does not reach. */
    private static final Geometry NOTHING = new GeometryFactory().createPolygon();

    private final Geometry district;
    private final Envelope extent;
    private final double cellWidth;
    private final double cellHeight;
    private final AtomicReferenceArray<Geometry> pieces = new AtomicReferenceArray<>(CELLS_PER_SIDE * CELLS_PER_SIDE);

    DistrictPieces(Geometry district) {
        this.district = district;
        this.extent = district.getEnvelopeInternal();
        this.cellWidth = extent.getWidth() / CELLS_PER_SIDE;
        this.cellHeight = extent.getHeight() / CELLS_PER_SIDE;
    }

    /** The km² of the geometry (WGS84 lon/lat) inside the district. */
    double squareKilometresOf(Geometry geometry) {
        Envelope box = geometry.getEnvelopeInternal();
        if (!box.intersects(extent)) {
            return 0;
        }
        if (cellWidth == 0 || cellHeight == 0) {
            return whole(geometry);
        }
        int firstColumn = column(box.getMinX());
        int lastColumn = column(box.getMaxX());
        int firstRow = row(box.getMinY());
        int lastRow = row(box.getMaxY());
        if ((lastColumn - firstColumn + 1) * (lastRow - firstRow + 1) > MOST_CELLS) {
            return whole(geometry);
        }
        double area = 0;
        for (int row = firstRow; row <= lastRow; row++) {
            for (int column = firstColumn; column <= lastColumn; column++) {
                Geometry piece = piece(column, row);
                if (!piece.isEmpty() && piece.getEnvelopeInternal().intersects(box)) {
                    area += GeodesicArea.squareKilometres(
                            OverlayNGRobust.overlay(geometry, piece, OverlayNG.INTERSECTION));
                }
            }
        }
        return area;
    }

    private double whole(Geometry geometry) {
        return GeodesicArea.squareKilometres(OverlayNGRobust.overlay(geometry, district, OverlayNG.INTERSECTION));
    }

    private Geometry piece(int column, int row) {
        int index = row * CELLS_PER_SIDE + column;
        Geometry piece = pieces.get(index);
        if (piece == null) {
            // neighbours compute their shared side with the same expression: no gap, no overlap
            Envelope cell = new Envelope(x(column), x(column + 1), y(row), y(row + 1));
            Geometry cut = OverlayNGRobust.overlay(district, district.getFactory().toGeometry(cell), OverlayNG.INTERSECTION);
            piece = cut.isEmpty() ? NOTHING : cut;
            pieces.set(index, piece);
        }
        return piece;
    }

    /** Where the grid's vertical line is; the last is the extent's own edge, exactly. */
    private double x(int line) {
        return line == CELLS_PER_SIDE ? extent.getMaxX() : extent.getMinX() + line * cellWidth;
    }

    private double y(int line) {
        return line == CELLS_PER_SIDE ? extent.getMaxY() : extent.getMinY() + line * cellHeight;
    }

    private int column(double x) {
        return clamp((int) Math.floor((x - extent.getMinX()) / cellWidth));
    }

    private int row(double y) {
        return clamp((int) Math.floor((y - extent.getMinY()) / cellHeight));
    }

    private static int clamp(int cell) {
        return Math.max(0, Math.min(CELLS_PER_SIDE - 1, cell));
    }
}
