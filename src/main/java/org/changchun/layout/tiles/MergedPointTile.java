package org.changchun.layout.tiles;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import io.github.sebasbaumh.mapbox.vectortile.util.GeomCmd;
import io.github.sebasbaumh.mapbox.vectortile.util.MvtUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;

/**
 * One tile's merged points counted from the points held in memory: each occupied cell's centre in
 * tile units and its point count, ordered by centre (x, then y) as the Java encoder orders the
 * points it merges, so that a tile's bytes do not depend on which path drew it.
 *
 * <p>A low-zoom tile over a big layer holds tens of thousands of cells (67,000 at z8 over a million
 * points around Changchun). Going through a sorted map of JTS coordinates, a JTS point with a map
 * of attributes per cell and the adapter's {@code MvtEncoder} cost about 70 ms for such a tile, most
 * of it in the adapter; here each cell is one {@code long} (centre and count packed, so one sort of
 * primitives orders them) and each feature is written straight in protobuf's wire format, the
 * bytes the adapter would write (see {@link #encode}).
 */
final class MergedPointTile {

    static final String POINT_COUNT = "point_count";

    /** Field numbers of vector_tile.proto (MVT 2.1) and the values this layer writes. */
    private static final int TILE_LAYERS = 3;
    private static final int LAYER_NAME = 1;
    private static final int LAYER_FEATURES = 2;
    private static final int LAYER_KEYS = 3;
    private static final int LAYER_VALUES = 4;
    private static final int LAYER_EXTENT = 5;
    private static final int LAYER_VERSION = 15;
    private static final int FEATURE_TAGS = 2;
    private static final int FEATURE_TYPE = 3;
    private static final int FEATURE_GEOMETRY = 4;
    private static final int MVT_VERSION = 2;
    private static final int KEY_INDEX = 0;
    private static final int MOVE_TO_ONE_POINT = MvtUtil.geomCmdHdr(GeomCmd.MOVE_TO, 1);

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

    /** Adds the cells to those the Java encoder draws with a layer's other features ({@link JavaTileEncoder}). */
    void countInto(Map<Coordinate, Long> pointsPerCell) {
        for (int i = 0; i < packed.length; i++) {
            pointsPerCell.merge(new Coordinate(x(i), y(i)), points(i), Long::sum);
        }
    }

    /**
     * A tile of one layer holding these merged points, each with its {@code point_count}: the bytes
     * the library's builders would write (the fields in their numbers' order, as protobuf writes
     * them; {@code TileContractTest} compares), written straight into one array. Built with the
     * builders, a tile of 67,000 cells held about 30 MB of feature objects while it was made, and
     * sixteen such tiles at once filled a 512 MB heap (bench/scale).
     */
    byte[] encode(String layerName, int extent) {
        Features features = new Features(KEY_INDEX, 0, true);
        int layerSize = CodedOutputStream.computeStringSize(LAYER_NAME, layerName) + features.size()
                + CodedOutputStream.computeUInt32Size(LAYER_EXTENT, extent)
                + CodedOutputStream.computeUInt32Size(LAYER_VERSION, MVT_VERSION);
        byte[] tile = new byte[lengthDelimitedSize(layerSize)];
        CodedOutputStream out = CodedOutputStream.newInstance(tile);
        try {
            out.writeTag(TILE_LAYERS, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(layerSize);
            out.writeString(LAYER_NAME, layerName);
            features.write(out);
            out.writeUInt32(LAYER_EXTENT, extent);
            out.writeUInt32(LAYER_VERSION, MVT_VERSION);
            out.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException("writing into an array of the computed size does not fail", e);
        }
        return tile;
    }

    /**
     * These merged points added to the one layer a store encoded with the layer's other features
     * (a project library's areas), as if the store had drawn them too: their features, the
     * {@code point_count} key unless the layer has it, and their values are appended to the layer's
     * bytes (protobuf appends repeated fields), each feature's tags pointing past the layer's own
     * keys and values. Counted in memory and written here, the cells of a low-zoom tile cost the
     * store nothing; handed to it as arrays, they were half its time for such a tile (docs/benchmarks.md).
     *
     * @param storeTile the store's tile of that one layer; empty when it drew nothing there
     */
    byte[] appendedTo(byte[] storeTile, String layerName, int extent) {
        if (storeTile.length == 0) {
            return isEmpty() ? storeTile : encode(layerName, extent);
        }
        if (isEmpty()) {
            return storeTile;
        }
        try {
            CodedInputStream in = CodedInputStream.newInstance(storeTile);
            int first = in.readTag();
            if (WireFormat.getTagFieldNumber(first) != TILE_LAYERS
                    || WireFormat.getTagWireType(first) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                throw new IllegalArgumentException("the store's tile does not start with a layer");
            }
            int layerSize = in.readRawVarint32();
            int layerStart = in.getTotalBytesRead();
            if (layerStart + layerSize != storeTile.length) {
                throw new IllegalArgumentException("the store's tile holds more than one layer");
            }
            List<String> keys = new ArrayList<>();
            int values = 0;
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                int field = WireFormat.getTagFieldNumber(tag);
                if (field == LAYER_KEYS) {
                    keys.add(in.readString());
                } else {
                    values += field == LAYER_VALUES ? 1 : 0;
                    in.skipField(tag);
                }
            }
            int keyIndex = keys.indexOf(POINT_COUNT);
            Features features = new Features(keyIndex < 0 ? keys.size() : keyIndex, values, keyIndex < 0);
            int appendedSize = features.size();
            byte[] tile = new byte[lengthDelimitedSize(layerSize + appendedSize)];
            CodedOutputStream out = CodedOutputStream.newInstance(tile);
            out.writeTag(TILE_LAYERS, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(layerSize + appendedSize);
            out.writeRawBytes(storeTile, layerStart, layerSize);
            features.write(out);
            out.checkNoSpaceLeft();
            return tile;
        } catch (IOException e) {
            throw new UncheckedIOException("reading and writing arrays in memory does not fail", e);
        }
    }

    /**
     * The layer fields of these points: their features, then the {@code point_count} key if
     * {@code writeKey}, then their counts' values, each written once; a feature's tags name the
     * key at {@code keyIndex} and its value at {@code firstValue} plus its place among these.
     */
    private final class Features {

        private final int keyIndex;
        private final int firstValue;
        private final boolean writeKey;
        private final List<VectorTile.Tile.Value> values = new ArrayList<>();
        private final int[] valueOf = new int[packed.length];
        private final int size;

        Features(int keyIndex, int firstValue, boolean writeKey) {
            this.keyIndex = keyIndex;
            this.firstValue = firstValue;
            this.writeKey = writeKey;
            Map<Long, Integer> valueIndexes = new HashMap<>();
            int bytes = 0;
            for (int i = 0; i < packed.length; i++) {
                long points = points(i);
                Integer index = valueIndexes.get(points);
                if (index == null) {
                    index = firstValue + values.size();
                    valueIndexes.put(points, index);
                    values.add(MvtUtil.toMvtValue(points));
                }
                valueOf[i] = index;
                bytes += lengthDelimitedSize(featureSize(i, keyIndex, index));
            }
            if (writeKey) {
                bytes += CodedOutputStream.computeStringSize(LAYER_KEYS, POINT_COUNT);
            }
            for (VectorTile.Tile.Value value : values) {
                bytes += CodedOutputStream.computeMessageSize(LAYER_VALUES, value);
            }
            this.size = bytes;
        }

        int size() {
            return size;
        }

        void write(CodedOutputStream out) throws IOException {
            for (int i = 0; i < packed.length; i++) {
                writeFeature(out, i, keyIndex, valueOf[i]);
            }
            if (writeKey) {
                out.writeString(LAYER_KEYS, POINT_COUNT);
            }
            for (VectorTile.Tile.Value value : values) {
                out.writeMessage(LAYER_VALUES, value);
            }
        }
    }

    /** Tags (the key, the count's value), type POINT, geometry (one MoveTo to the centre). */
    private int featureSize(int index, int keyIndex, int valueIndex) {
        return lengthDelimitedSize(tagsSize(keyIndex, valueIndex))
                + CodedOutputStream.computeEnumSize(FEATURE_TYPE, VectorTile.Tile.GeomType.POINT_VALUE)
                + lengthDelimitedSize(geometrySize(index));
    }

    private static int tagsSize(int keyIndex, int valueIndex) {
        return CodedOutputStream.computeUInt32SizeNoTag(keyIndex) + CodedOutputStream.computeUInt32SizeNoTag(valueIndex);
    }

    private int geometrySize(int index) {
        return CodedOutputStream.computeUInt32SizeNoTag(MOVE_TO_ONE_POINT)
                + CodedOutputStream.computeUInt32SizeNoTag(MvtUtil.encodeZigZag(x(index)))
                + CodedOutputStream.computeUInt32SizeNoTag(MvtUtil.encodeZigZag(y(index)));
    }

    private void writeFeature(CodedOutputStream out, int index, int keyIndex, int valueIndex) throws IOException {
        out.writeTag(LAYER_FEATURES, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(featureSize(index, keyIndex, valueIndex));
        out.writeTag(FEATURE_TAGS, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(tagsSize(keyIndex, valueIndex));
        out.writeUInt32NoTag(keyIndex);
        out.writeUInt32NoTag(valueIndex);
        out.writeEnum(FEATURE_TYPE, VectorTile.Tile.GeomType.POINT_VALUE);
        out.writeTag(FEATURE_GEOMETRY, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(geometrySize(index));
        out.writeUInt32NoTag(MOVE_TO_ONE_POINT);
        out.writeUInt32NoTag(MvtUtil.encodeZigZag(x(index)));
        out.writeUInt32NoTag(MvtUtil.encodeZigZag(y(index)));
    }

    /** The size of a length-delimited field of this payload: its tag (one byte here), length and payload. */
    private static int lengthDelimitedSize(int payload) {
        return 1 + CodedOutputStream.computeUInt32SizeNoTag(payload) + payload;
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
