package org.changchun.layout.geo;

import java.util.Arrays;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * A convex polygon as a window: the area another polygonal geometry has inside it, each of that
 * geometry's rings clipped to the window edge by edge (Sutherland and Hodgman 1974) and measured
 * as {@link GeodesicArea} measures rings. Only an area comes out, so the degenerate bridges a
 * concave ring's clip may run along the window's edges do no harm: they are walked there and back
 * and add nothing on the plane. On the ellipsoid a bridge walked there in one edge and back in
 * two, split where the overlay would cut the window's edge, encloses the sliver between that
 * edge's geodesic and its lon/lat line: so windows are at most {@value GeodesicArea#SMALL_RING_DEGREES}°
 * (about 2 km) across, where that sliver is at most some tens of m² and the clip's area is within
 * 2 parts in 10,000 of the window's own area of the overlay's. It does in a few microseconds what an
 * overlay does in tens, most project polygons and parcels being small and convex; for anything else
 * {@link #of} is empty and the caller overlays.
 */
public final class ConvexClip {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    /** The window's corners, anticlockwise, none repeated, the first not repeated at the end. */
    private final double[] xs;
    private final double[] ys;

    private ConvexClip(double[] xs, double[] ys) {
        this.xs = xs;
        this.ys = ys;
    }

    /**
     * The geometry as a window, when it is one polygon without holes whose shell is convex and winds
     * once, at most {@value GeodesicArea#SMALL_RING_DEGREES}° wide and high; alone in a multipolygon
     * too, as shapefiles' polygons are read.
     */
    public static Optional<ConvexClip> of(Geometry geometry) {
        Geometry single = geometry instanceof MultiPolygon && geometry.getNumGeometries() == 1
                ? geometry.getGeometryN(0) : geometry;
        if (!(single instanceof Polygon polygon) || polygon.isEmpty() || polygon.getNumInteriorRing() > 0
                || polygon.getEnvelopeInternal().getWidth() > GeodesicArea.SMALL_RING_DEGREES
                || polygon.getEnvelopeInternal().getHeight() > GeodesicArea.SMALL_RING_DEGREES) {
            return Optional.empty();
        }
        CoordinateSequence shell = polygon.getExteriorRing().getCoordinateSequence();
        int size = shell.size() - 1;
        double[] xs = new double[size];
        double[] ys = new double[size];
        int corners = 0;
        for (int i = 0; i < size; i++) {
            double x = shell.getX(i);
            double y = shell.getY(i);
            if (corners == 0 || x != xs[corners - 1] || y != ys[corners - 1]) {
                xs[corners] = x;
                ys[corners] = y;
                corners++;
            }
        }
        while (corners > 1 && xs[corners - 1] == xs[0] && ys[corners - 1] == ys[0]) {
            corners--;
        }
        if (corners < 3) {
            return Optional.empty();
        }
        int turn = 0;
        int xReversals = 0;
        int yReversals = 0;
        double lastDx = 0;
        double lastDy = 0;
        // twice round the ring, so the turns and reversals at its start are seen with their neighbours
        for (int step = 0; step < 2 * corners; step++) {
            int from = step % corners;
            int to = (step + 1) % corners;
            double dx = xs[to] - xs[from];
            double dy = ys[to] - ys[from];
            if (step >= corners) {
                double cross = lastDx * dy - lastDy * dx;
                int sign = cross > 0 ? 1 : cross < 0 ? -1 : 0;
                if (sign != 0 && turn != 0 && sign != turn) {
                    return Optional.empty();
                }
                turn = sign != 0 ? sign : turn;
                xReversals += dx != 0 && lastDx != 0 && (dx > 0) != (lastDx > 0) ? 1 : 0;
                yReversals += dy != 0 && lastDy != 0 && (dy > 0) != (lastDy > 0) ? 1 : 0;
            }
            // a run of edges along one axis keeps the direction it had
            lastDx = dx != 0 ? dx : lastDx;
            lastDy = dy != 0 ? dy : lastDy;
        }
        // turning one way throughout and going back and forth once along each axis: convex, wound once
        if (turn == 0 || xReversals > 2 || yReversals > 2) {
            return Optional.empty();
        }
        if (turn < 0) {
            reverse(xs, corners);
            reverse(ys, corners);
        }
        return Optional.of(new ConvexClip(Arrays.copyOf(xs, corners), Arrays.copyOf(ys, corners)));
    }

    /** The km² of the polygonal geometry (WGS84 lon/lat) inside the window: each shell's part minus its holes'. */
    public double squareKilometresOf(Geometry polygonal) {
        double area = 0;
        for (int i = 0; i < polygonal.getNumGeometries(); i++) {
            if (polygonal.getGeometryN(i) instanceof Polygon polygon) {
                area += clipped(polygon.getExteriorRing().getCoordinateSequence());
                for (int hole = 0; hole < polygon.getNumInteriorRing(); hole++) {
                    area -= clipped(polygon.getInteriorRingN(hole).getCoordinateSequence());
                }
            }
        }
        return area;
    }

    /** The km² of the region the ring encloses inside the window. */
    private double clipped(CoordinateSequence ring) {
        int count = ring.size() - 1;
        if (count < 3) {
            return 0;
        }
        double[] inX = new double[2 * count];
        double[] inY = new double[2 * count];
        double[] outX = new double[2 * count];
        double[] outY = new double[2 * count];
        for (int i = 0; i < count; i++) {
            inX[i] = ring.getX(i);
            inY[i] = ring.getY(i);
        }
        for (int edge = 0; edge < xs.length && count > 0; edge++) {
            double ax = xs[edge];
            double ay = ys[edge];
            double ex = xs[(edge + 1) % xs.length] - ax;
            double ey = ys[(edge + 1) % ys.length] - ay;
            if (outX.length < 2 * count) {
                // every point kept and every edge crossing the window's edge: at most twice the points
                outX = new double[2 * count];
                outY = new double[2 * count];
            }
            int kept = 0;
            double previousX = inX[count - 1];
            double previousY = inY[count - 1];
            double previousSide = ex * (previousY - ay) - ey * (previousX - ax);
            for (int i = 0; i < count; i++) {
                double x = inX[i];
                double y = inY[i];
                double side = ex * (y - ay) - ey * (x - ax);
                if ((side >= 0) != (previousSide >= 0)) {
                    // the ring's edge crosses the window's edge: where, along the ring's edge
                    double t = previousSide / (previousSide - side);
                    outX[kept] = previousX + t * (x - previousX);
                    outY[kept] = previousY + t * (y - previousY);
                    kept++;
                }
                if (side >= 0) {
                    outX[kept] = x;
                    outY[kept] = y;
                    kept++;
                }
                previousX = x;
                previousY = y;
                previousSide = side;
            }
            double[] swap = inX;
            inX = outX;
            outX = swap;
            swap = inY;
            inY = outY;
            outY = swap;
            count = kept;
        }
        if (count < 3) {
            return 0;
        }
        Coordinate[] points = new Coordinate[count + 1];
        for (int i = 0; i < count; i++) {
            points[i] = new Coordinate(inX[i], inY[i]);
        }
        points[count] = points[0].copy();
        LinearRing clippedRing = FACTORY.createLinearRing(points);
        return GeodesicArea.squareKilometres(FACTORY.createPolygon(clippedRing));
    }

    private static void reverse(double[] values, int count) {
        for (int i = 0, j = count - 1; i < j; i++, j--) {
            double value = values[i];
            values[i] = values[j];
            values[j] = value;
        }
    }
}
