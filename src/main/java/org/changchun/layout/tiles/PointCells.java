package org.changchun.layout.tiles;

import java.util.Arrays;
import org.changchun.layout.geo.WebMercator;
import org.changchun.layout.store.FeatureStore;
import org.locationtech.jts.geom.Point;

/**
 * The points of one point layer held in memory as the cells of a quadtree over the Web Mercator
 * world, sorted by their Morton code, for the zooms at which a tile merges its points per cell.
 *
 * <p>A cell of any coarser level is then a run of consecutive codes, and the number of points in it
 * is the length of that run, found by two binary searches: a tile's merged points cost in proportion
 * to the cells it shows, not to the points under it. At zoom 8 a tile over two hundred thousand
 * points read from PostGIS took hundreds of milliseconds (every point reprojected and grouped);
 * from here it takes a few hundred binary searches, and as little at ten million points
 * (docs/benchmarks.md, "Merged points"). Eight bytes a point.
 */
final class PointCells {

    /** The finest level: 2^31 cells per side of the world, about two centimetres at the equator. */
    static final int FINEST_LEVEL = 31;
    static final long BYTES_PER_POINT = Long.BYTES;

    private static final double WORLD = 2 * WebMercator.HALF_WORLD;
    private static final long CELLS_PER_SIDE = 1L << FINEST_LEVEL;

    /** Receives one occupied cell: its column and row at the level asked for (row 0 at the north). */
    interface CellVisitor {
        void visit(long column, long row, long points);
    }

    private final long[] codes;

    private PointCells(long[] codes) {
        this.codes = codes;
    }

    /**
     * Reads the points of a layer; its other features, if any, are left out.
     *
     * @param expected how many points the layer holds, to size the array once
     */
    static PointCells of(FeatureStore store, String layerId, long expected) {
        Codes codes = new Codes((int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, expected)));
        store.readGeometries(layerId, geometry -> {
            // a layer replaced meanwhile by other geometries has a new data version, so new cells
            if (geometry instanceof Point point && !point.isEmpty()) {
                codes.add(code(WebMercator.x(point.getX()), WebMercator.y(point.getY())));
            }
        });
        return new PointCells(codes.sorted());
    }

    /** The Morton code at the finest level of a point in Web Mercator metres. */
    private static long code(double x, double y) {
        return spread(finestColumn(x)) | spread(finestRow(y)) << 1;
    }

    /** The column at {@code level} of the cell holding Web Mercator x, as the cells in memory count it. */
    static long column(double x, int level) {
        return finestColumn(x) >> FINEST_LEVEL - level;
    }

    /** The row at {@code level} (row 0 at the north) of the cell holding Web Mercator y. */
    static long row(double y, int level) {
        return finestRow(y) >> FINEST_LEVEL - level;
    }

    /**
     * Calls the visitor with each occupied cell of {@code level} whose column and row lie in the
     * given ranges (inclusive), with the points it holds; in Morton order.
     */
    void forEachCell(int level, long minColumn, long maxColumn, long minRow, long maxRow, CellVisitor visitor) {
        if (level < 0 || level > FINEST_LEVEL) {
            throw new IllegalArgumentException("level " + level + " is outside 0.." + FINEST_LEVEL);
        }
        visit(0, 0, 0, 0, codes.length, level, minColumn, maxColumn, minRow, maxRow, visitor);
    }

    /** A node of the quadtree whose points are codes[from, to), descended to the level asked for. */
    private void visit(int nodeLevel, long column, long row, int from, int to, int level, long minColumn,
                       long maxColumn, long minRow, long maxRow, CellVisitor visitor) {
        int depth = level - nodeLevel;
        if (from >= to || (column + 1 << depth) - 1 < minColumn || column << depth > maxColumn
                || (row + 1 << depth) - 1 < minRow || row << depth > maxRow) {
            return;
        }
        if (depth == 0) {
            visitor.visit(column, row, to - from);
            return;
        }
        int childShift = 2 * (FINEST_LEVEL - nodeLevel - 1);
        long childBase = (spread(column) | spread(row) << 1) << 2;
        int start = from;
        for (int quadrant = 0; quadrant < 4; quadrant++) {
            int end = quadrant == 3 ? to : firstAtOrAfter(childBase + quadrant + 1 << childShift, start, to);
            visit(nodeLevel + 1, column << 1 | quadrant & 1, row << 1 | quadrant >> 1, start, end, level,
                    minColumn, maxColumn, minRow, maxRow, visitor);
            start = end;
        }
    }

    /**
     * How many points lie in the cell at {@code level}, {@code column} and {@code row} (row 0 at the
     * north), such as the tile of that zoom and address: its points are one run of codes.
     */
    int count(int level, long column, long row) {
        if (level < 0 || level > FINEST_LEVEL) {
            throw new IllegalArgumentException("level " + level + " is outside 0.." + FINEST_LEVEL);
        }
        int shift = 2 * (FINEST_LEVEL - level);
        long first = (spread(column) | spread(row) << 1) << shift;
        long end = first + (1L << shift);
        int from = firstAtOrAfter(first, 0, codes.length);
        return firstAtOrAfter(end, from, codes.length) - from;
    }

    /** The first index in [from, to) whose code is at least {@code code}, or {@code to}. */
    private int firstAtOrAfter(long code, int from, int to) {
        int found = Arrays.binarySearch(codes, from, to, code);
        if (found < 0) {
            return -found - 1;
        }
        while (found > from && codes[found - 1] == code) {
            found--;
        }
        return found;
    }

    int size() {
        return codes.length;
    }

    long bytes() {
        return BYTES_PER_POINT * codes.length;
    }

    private static long finestColumn(double x) {
        return finest((x + WebMercator.HALF_WORLD) / WORLD);
    }

    private static long finestRow(double y) {
        return finest((WebMercator.HALF_WORLD - y) / WORLD);
    }

    /** A share of the world's side (0 at the west or north edge) as a cell of the finest level. */
    private static long finest(double share) {
        long cell = (long) Math.floor(share * CELLS_PER_SIDE);
        return Math.max(0, Math.min(CELLS_PER_SIDE - 1, cell));
    }

    /** The bits of a value below 2^32 spread to the even bits of a long. */
    private static long spread(long value) {
        long v = value & 0xFFFF_FFFFL;
        v = (v | v << 16) & 0x0000_FFFF_0000_FFFFL;
        v = (v | v << 8) & 0x00FF_00FF_00FF_00FFL;
        v = (v | v << 4) & 0x0F0F_0F0F_0F0F_0F0FL;
        v = (v | v << 2) & 0x3333_3333_3333_3333L;
        return (v | v << 1) & 0x5555_5555_5555_5555L;
    }

    /** The codes as read, grown as they come if the layer had more points than expected. */
    private static final class Codes {
        private long[] codes;
        private int size;

        Codes(int capacity) {
            codes = new long[capacity];
        }

        void add(long code) {
            if (size == codes.length) {
                codes = Arrays.copyOf(codes, (int) Math.min(Integer.MAX_VALUE - 8, size * 3L / 2 + 16));
            }
            codes[size++] = code;
        }

        long[] sorted() {
            long[] exact = size == codes.length ? codes : Arrays.copyOf(codes, size);
            Arrays.sort(exact);
            return exact;
        }
    }
}
