package org.changchun.layout.tiles;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerProps;
import io.github.sebasbaumh.mapbox.vectortile.util.GeomCmd;
import io.github.sebasbaumh.mapbox.vectortile.util.MvtUtil;
import java.util.Arrays;
import org.changchun.layout.store.NativeTiles;

/**
 * One tile's merged points counted from the points held in memory: each occupied cell's centre in
 * tile units and its point count, ordered by centre (x, then y) as the Java encoder orders the
 * points it merges, so that a tile's bytes do not depend on which path drew it.
 *
 * <p>A low-zoom tile over a big layer holds tens of thousands of cells (67,000 at z8 over a million
 * points around Changchun). Going through a sorted map of JTS coordinates, a JTS point with a map
 * of attributes per cell and the adapter's {@code MvtEncoder} cost about 70 ms for such a tile, most
 * of it in the adapter; here each cell is one {@code long} (centre and count packed, so one sort of
 * primitives orders them) and each feature is written straight with the library's protobuf
 * builders, the bytes the adapter would write.
 */
final class MergedPointTile {

    static final String POINT_COUNT = "point_count";

    /** Bits of a packed cell: x and y (offset, so never negative) above the count; the sign bit stays clear. */
    private static final int COUNT_BITS = 33;
    private static final int COORDINATE_BITS = 15;
    private static final int OFFSET = 1 << 13;
    private static final long COORDINATE_MASK = (1L << COORDINATE_BITS) - 1;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;

    private final long[] packed;

    private MergedPointTile(long[] packed) {
        this.packed = packed;
    }

    /** The tile's cells that hold points, counted. */
    static MergedPointTile count(PointCells held, MergeCells tile) {
        Cells cells = new Cells();
        held.forEachCell(tile.level(), tile.minColumn(), tile.maxColumn(), tile.minRow(), tile.maxRow(),
                (column, row, points) -> cells.add(pack(tile.centreX(column), tile.centreY(row), points)));
        long[] packed = cells.toArray();
        Arrays.sort(packed);
        return new MergedPointTile(packed);
    }

    private static long pack(int x, int y, long points) {
        long shiftedX = x + OFFSET;
        long shiftedY = y + OFFSET;
        if (shiftedX < 0 || shiftedX > COORDINATE_MASK || shiftedY < 0 || shiftedY > COORDINATE_MASK
                || points > COUNT_MASK) {
            throw new IllegalArgumentException("cell (" + x + ", " + y + ") with " + points + " points is out of range");
        }
        return shiftedX << COORDINATE_BITS + COUNT_BITS | shiftedY << COUNT_BITS | points;
    }

    boolean isEmpty() {
        return packed.length == 0;
    }

    int size() {
        return packed.length;
    }

    private int x(int index) {
        return (int) (packed[index] >>> COORDINATE_BITS + COUNT_BITS) - OFFSET;
    }

    private int y(int index) {
        return (int) (packed[index] >>> COUNT_BITS & COORDINATE_MASK) - OFFSET;
    }

    private long points(int index) {
        return packed[index] & COUNT_MASK;
    }

    /** The cells for a store to draw with a layer's other features. */
    NativeTiles.CountedPoints counted() {
        int[] x = new int[packed.length];
        int[] y = new int[packed.length];
        long[] counts = new long[packed.length];
        for (int i = 0; i < packed.length; i++) {
            x[i] = x(i);
            y[i] = y(i);
            counts[i] = points(i);
        }
        return new NativeTiles.CountedPoints(x, y, counts);
    }

    /** A tile of one layer holding these merged points, each with its {@code point_count}. */
    byte[] encode(String layerName, int extent) {
        VectorTile.Tile.Layer.Builder layer = MvtUtil.newLayerBuilder(layerName, new MvtLayerParams(extent));
        MvtLayerProps properties = new MvtLayerProps();
        int key = properties.addKey(POINT_COUNT);
        int moveToOnePoint = MvtUtil.geomCmdHdr(GeomCmd.MOVE_TO, 1);
        for (int i = 0; i < packed.length; i++) {
            layer.addFeatures(VectorTile.Tile.Feature.newBuilder()
                    .addTags(key).addTags(properties.addValue(points(i)))
                    .setType(VectorTile.Tile.GeomType.POINT)
                    .addGeometry(moveToOnePoint)
                    .addGeometry(MvtUtil.encodeZigZag(x(i)))
                    .addGeometry(MvtUtil.encodeZigZag(y(i))));
        }
        MvtUtil.writeProps(layer, properties);
        return VectorTile.Tile.newBuilder().addLayers(layer).build().toByteArray();
    }

    /** Packed cells as they are visited, grown as needed. */
    private static final class Cells {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
