package org.changchun.layout.geo;

import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * What is wrong with a geometry, as JTS's {@link IsValidOp} says, with the commonest valid polygon
 * recognised first at a fraction of its cost: one polygon without holes whose shell of a few
 * corners is plainly a simple ring. {@code IsValidOp} builds a noding index and a topology analysis
 * for every polygon, about a microsecond for a five-point parcel, as long as reading and
 * reprojecting it: a million parcels spent as long being validated as being read.
 *
 * <p>The shortcut ({@link #plainlyValid}) only ever answers yes for a polygon {@code IsValidOp}
 * finds valid. It answers no, and {@code IsValidOp} decides, for everything else and for every
 * doubt: holes, several parts, long shells, a coordinate that is not finite, fewer than three
 * distinct corners, three consecutive corners on one line, and any two edges that touch or cross,
 * even where {@code IsValidOp} would allow it. The orientation tests are JTS's robust ones, so a
 * crossing is never missed to rounding.
 */
public final class GeometryValidity {

    /** The test below compares every pair of edges: kept to short shells, where that is cheap; longer ones are IsValidOp's. */
    static final int MAX_POINTS = 32;

    private GeometryValidity() {
    }

    /** The geometry's first topology error as {@link IsValidOp} finds it; null when it is valid. */
    public static TopologyValidationError errorOf(Geometry geometry) {
        return plainlyValid(geometry) ? null : new IsValidOp(geometry).getValidationError();
    }

    /** Whether the geometry is one polygon whose shell is a simple ring of at most {@value #MAX_POINTS} points, without holes. */
    static boolean plainlyValid(Geometry geometry) {
        Polygon polygon;
        if (geometry instanceof Polygon single) {
            polygon = single;
        } else if (geometry instanceof MultiPolygon multi && multi.getNumGeometries() == 1) {
            polygon = (Polygon) multi.getGeometryN(0);
        } else {
            return false;
        }
        if (polygon.getNumInteriorRing() != 0 || polygon.isEmpty()) {
            return false;
        }
        CoordinateSequence shell = polygon.getExteriorRing().getCoordinateSequence();
        int size = shell.size();
        if (size < 4 || size > MAX_POINTS) {
            return false;
        }
        double[] xs = new double[size];
        double[] ys = new double[size];
        int corners = distinctCorners(shell, xs, ys);
        return corners >= 4 && simpleRing(xs, ys, corners - 1);
    }

    /**
     * Copies the shell's points without consecutive repeats; how many there are, closing point
     * included, or 0 when a coordinate is not finite or the ring is not closed.
     */
    private static int distinctCorners(CoordinateSequence shell, double[] xs, double[] ys) {
        int count = 0;
        for (int i = 0; i < shell.size(); i++) {
            double x = shell.getX(i);
            double y = shell.getY(i);
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                return 0;
            }
            if (count == 0 || xs[count - 1] != x || ys[count - 1] != y) {
                xs[count] = x;
                ys[count] = y;
                count++;
            }
        }
        return xs[0] == xs[count - 1] && ys[0] == ys[count - 1] ? count : 0;
    }

    /**
     * A closed ring's edges, edge i running from corner i to i + 1: neighbours meet at their shared
     * corner only, which takes a true turn, and no other two edges have a point in common.
     */
    private static boolean simpleRing(double[] xs, double[] ys, int edges) {
        for (int i = 0; i < edges; i++) {
            int before = i == 0 ? edges - 1 : i - 1;
            if (side(xs, ys, before, i, i + 1) == 0) {
                return false;
            }
        }
        for (int i = 0; i < edges; i++) {
            // the last edge neighbours the first
            int lastOther = i == 0 ? edges - 2 : edges - 1;
            for (int j = i + 2; j <= lastOther; j++) {
                if (mayShareAPoint(xs, ys, i, j)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** False only when edges p and q certainly have no point in common; a touch or a doubt is true. */
    private static boolean mayShareAPoint(double[] xs, double[] ys, int p, int q) {
        if (Math.max(xs[p], xs[p + 1]) < Math.min(xs[q], xs[q + 1]) || Math.max(xs[q], xs[q + 1]) < Math.min(xs[p], xs[p + 1])
                || Math.max(ys[p], ys[p + 1]) < Math.min(ys[q], ys[q + 1]) || Math.max(ys[q], ys[q + 1]) < Math.min(ys[p], ys[p + 1])) {
            return false;
        }
        int qStartSide = side(xs, ys, p, p + 1, q);
        int qEndSide = side(xs, ys, p, p + 1, q + 1);
        if (qStartSide != 0 && qStartSide == qEndSide) {
            return false;
        }
        int pStartSide = side(xs, ys, q, q + 1, p);
        int pEndSide = side(xs, ys, q, q + 1, p + 1);
        return pStartSide == 0 || pStartSide != pEndSide || qStartSide == 0 || qEndSide == 0;
    }

    /** Which side of the line from corner a to corner b corner c lies on (1 left, -1 right, 0 on it), exactly. */
    private static int side(double[] xs, double[] ys, int a, int b, int c) {
        return CGAlgorithmsDD.orientationIndex(xs[a], ys[a], xs[b], ys[b], xs[c], ys[c]);
    }
}
