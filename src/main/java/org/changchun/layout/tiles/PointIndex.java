package org.changchun.layout.tiles;

import java.util.Arrays;
import org.changchun.layout.geo.WebMercator;
import org.changchun.layout.store.FeatureStore;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/**
 * The points of one point layer in Web Mercator metres, bucketed in a grid over their extent and
 * held in memory, for the zooms at which a tile merges its points per cell and so needs only
 * where they are. On the embedded store, reading the rows under a low-zoom tile of a big imported
 * layer takes tens of seconds (its spatial index fetches every matching row apart) and can run past
 * the statement timeout; from memory it takes milliseconds (docs/benchmarks.md, "Embedded store").
 */
final class PointIndex {

    /** Points per bucket aimed at: a small tile scans few buckets, a big one few bucket ends. */
    private static final int POINTS_PER_BUCKET = 16;
    private static final int MAX_BUCKETS_PER_SIDE = 1024;

    /** What a point costs in memory: its two coordinates. */
    static final long BYTES_PER_POINT = 2L * Double.BYTES;

    /** Receives one point. */
    interface PointVisitor {
        void visit(double x, double y);
    }

    private final double[] xs;
    private final double[] ys;
    /** Bucket b's points are at [starts[b], starts[b + 1]); buckets are column-major. */
    private final int[] starts;
    private final int side;
    private final Envelope extent;

    private PointIndex(double[] xs, double[] ys, int[] starts, int side, Envelope extent) {
        this.xs = xs;
        this.ys = ys;
        this.starts = starts;
        this.side = side;
        this.extent = extent;
    }

    /** Reads the points of a layer whose features are all points. */
    static PointIndex of(FeatureStore store, String layerId) {
        Points points = new Points();
        store.readGeometries(layerId, geometry -> {
            // a layer replaced meanwhile by other geometries has a new data version, so a new index
            if (geometry instanceof Point point && !point.isEmpty()) {
                points.add(WebMercator.x(point.getX()), WebMercator.y(point.getY()));
            }
        });
        return points.index();
    }

    /** Calls the visitor with each point the envelope covers (edges included), in no particular order. */
    void forEachIn(Envelope area, PointVisitor visitor) {
        if (!area.intersects(extent)) {
            return;
        }
        int firstColumn = column(area.getMinX());
        int lastColumn = column(area.getMaxX());
        int firstRow = row(area.getMinY());
        int lastRow = row(area.getMaxY());
        for (int column = firstColumn; column <= lastColumn; column++) {
            for (int row = firstRow; row <= lastRow; row++) {
                int bucket = column * side + row;
                for (int i = starts[bucket]; i < starts[bucket + 1]; i++) {
                    if (area.covers(xs[i], ys[i])) {
                        visitor.visit(xs[i], ys[i]);
                    }
                }
            }
        }
    }

    int size() {
        return xs.length;
    }

    long bytes() {
        return BYTES_PER_POINT * xs.length + (long) Integer.BYTES * starts.length;
    }

    private int column(double x) {
        return cell(x, extent.getMinX(), extent.getWidth(), side);
    }

    private int row(double y) {
        return cell(y, extent.getMinY(), extent.getHeight(), side);
    }

    private static int bucket(double x, double y, Envelope extent, int side) {
        return cell(x, extent.getMinX(), extent.getWidth(), side) * side
                + cell(y, extent.getMinY(), extent.getHeight(), side);
    }

    private static int cell(double value, double min, double span, int side) {
        if (span <= 0) {
            return 0;
        }
        int cell = (int) Math.floor((value - min) / span * side);
        return Math.max(0, Math.min(side - 1, cell));
    }

    /** The points as read, grown as they come, then sorted into buckets in one counting pass. */
    private static final class Points {
        private double[] xs = new double[1024];
        private double[] ys = new double[1024];
        private int size;
        private final Envelope extent = new Envelope();

        void add(double x, double y) {
            if (size == xs.length) {
                xs = Arrays.copyOf(xs, size * 2);
                ys = Arrays.copyOf(ys, size * 2);
            }
            xs[size] = x;
            ys[size] = y;
            size++;
            extent.expandToInclude(x, y);
        }

        PointIndex index() {
            int side = (int) Math.max(1, Math.min(MAX_BUCKETS_PER_SIDE, Math.sqrt((double) size / POINTS_PER_BUCKET)));
            int[] bucketOf = new int[size];
            int[] starts = new int[side * side + 1];
            for (int i = 0; i < size; i++) {
                bucketOf[i] = bucket(xs[i], ys[i], extent, side);
                starts[bucketOf[i] + 1]++;
            }
            for (int b = 0; b < side * side; b++) {
                starts[b + 1] += starts[b];
            }
            int[] next = Arrays.copyOf(starts, starts.length);
            double[] sortedXs = new double[size];
            double[] sortedYs = new double[size];
            for (int i = 0; i < size; i++) {
                int at = next[bucketOf[i]]++;
                sortedXs[at] = xs[i];
                sortedYs[at] = ys[i];
            }
            return new PointIndex(sortedXs, sortedYs, starts, side, extent);
        }
    }
}
