package org.changchun.layout.shapefile;

import java.io.IOException;
import java.util.Arrays;
import org.h2gis.functions.io.shp.internal.ShapeHandler;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.h2gis.functions.io.shp.internal.ShapefileException;
import org.h2gis.functions.io.utility.ReadBufferManager;
import org.h2gis.functions.io.utility.WriteBufferManager;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;

/**
 * Record readers plugged into H2GIS's {@code ShapefileReader}: H2GIS's own handlers for points,
 * multipoints and polygons behind a check of the record's part and point counts, our own for
 * polylines, and for the commonest polygon, one closed clockwise ring.
 *
 * <p>Why the check: H2GIS's handlers allocate whatever the counts in a record say, so one damaged
 * record could ask for billions of points. Why our own polyline reader: H2GIS's
 * {@code MultiLineHandler} reads one coordinate too many for a part with a single point (GDAL
 * writes such parts) and so shifts every later part of the record. Why the one-ring polygons:
 * H2GIS's {@code PolygonHandler} makes a {@code Coordinate} object of every point, sorts the rings
 * into shells and holes and hands out rings the reader then copies into packed arrays; a million
 * parcels allocated a gigabyte that way.
 */
final class ShapeHandlers {

    /** Thrown when a record's counts do not fit in its length: the .shp is damaged. */
    static final class DamagedRecord extends IOException {
        DamagedRecord(String message) {
            super(message);
        }
    }

    /** The factory of every geometry a reader hands out: 2D coordinates, packed in double arrays. */
    static final GeometryFactory FLAT = new GeometryFactory(PackedCoordinateSequenceFactory.DOUBLE_FACTORY);

    private ShapeHandlers() {
    }

    /** A handler that only reads: the service writes shapefiles with its own writer. */
    private abstract static class ReadOnly implements ShapeHandler {

        @Override
        public void write(WriteBufferManager buffer, Geometry geometry) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public int getLength(Geometry geometry) {
            throw new UnsupportedOperationException("read only");
        }
    }

    /** The handler for a file's shape type; call {@link Checked#expect(int)} before each record. */
    static Checked forType(ShapeType type) throws ShapefileException {
        if (type.isLineType()) {
            return new Checked(type, new Lines(type));
        }
        if (type.isPolygonType()) {
            return new Checked(type, new OneRingPolygons(type.getShapeHandler()));
        }
        return new Checked(type, type.getShapeHandler());
    }

    /** Checks a record's counts against its length (from the .shx), then lets the delegate read it. */
    static final class Checked extends ReadOnly {

        private final ShapeType type;
        private final ShapeHandler delegate;
        private int contentBytes;

        Checked(ShapeType type, ShapeHandler delegate) {
            this.type = type;
            this.delegate = delegate;
        }

        /** The byte length of the next record's content (shape type included), from the .shx. */
        void expect(int contentBytes) {
            this.contentBytes = contentBytes;
        }

        @Override
        public ShapeType getShapeType() {
            return type;
        }

        @Override
        public Geometry read(ReadBufferManager buffer, ShapeType recordType) throws IOException {
            if (recordType == ShapeType.NULL) {
                return null;
            }
            long at = buffer.getPosition();
            long needed;
            if (type.isPointType()) {
                needed = 20;
            } else if (type.isMultiPointType()) {
                if (contentBytes < 40) {
                    throw new DamagedRecord("the record is too short for a multipoint");
                }
                long points = buffer.getInt(at + 32);
                needed = points < 0 ? Long.MAX_VALUE : 40 + 16 * points;
            } else {
                if (contentBytes < 44) {
                    throw new DamagedRecord("the record is too short for a polyline or polygon");
                }
                long parts = buffer.getInt(at + 32);
                long points = buffer.getInt(at + 36);
                needed = parts < 0 || points < 0 ? Long.MAX_VALUE : 44 + 4 * parts + 16 * points;
            }
            if (needed > contentBytes) {
                throw new DamagedRecord("its part and point counts need " + needed + " bytes but the record has "
                        + contentBytes);
            }
            return delegate.read(buffer, recordType);
        }
    }

    /**
     * Polylines (Z and M ones too) read as 2D MultiLineStrings; a part with one point becomes a
     * zero-length line through it, since a JTS line needs two points.
     */
    static final class Lines extends ReadOnly {

        private final ShapeType type;

        Lines(ShapeType type) {
            this.type = type;
        }

        @Override
        public ShapeType getShapeType() {
            return type;
        }

        @Override
        public Geometry read(ReadBufferManager buffer, ShapeType recordType) throws IOException {
            if (recordType == ShapeType.NULL) {
                return null;
            }
            buffer.skip(32);
            int partCount = buffer.getInt();
            int pointCount = buffer.getInt();
            int[] starts = new int[partCount + 1];
            for (int i = 0; i < partCount; i++) {
                starts[i] = buffer.getInt();
            }
            starts[partCount] = pointCount;
            double[] xy = new double[2 * pointCount];
            for (int i = 0; i < xy.length; i++) {
                xy[i] = buffer.getDouble();
            }
            LineString[] lines = new LineString[partCount];
            int made = 0;
            for (int part = 0; part < partCount; part++) {
                int from = starts[part];
                int to = starts[part + 1];
                if (from < 0 || to < from || to > pointCount) {
                    throw new DamagedRecord("its part offsets are out of order");
                }
                if (to == from) {
                    continue;
                }
                int n = to - from;
                double[] coordinates = new double[2 * Math.max(n, 2)];
                System.arraycopy(xy, 2 * from, coordinates, 0, 2 * n);
                if (n == 1) {
                    coordinates[2] = coordinates[0];
                    coordinates[3] = coordinates[1];
                }
                CoordinateSequence sequence = PackedCoordinateSequenceFactory.DOUBLE_FACTORY.create(coordinates, 2);
                lines[made++] = FLAT.createLineString(sequence);
            }
            return FLAT.createMultiLineString(Arrays.copyOf(lines, made));
        }
    }

    /**
     * A polygon record of one part, closed and clockwise (a shell, as the format has it), read
     * straight into a packed 2D ring: what H2GIS's handler makes of it, a MultiPolygon of one
     * polygon without holes, with no object per point. Anything else (several parts, an open or
     * anticlockwise ring, too few points) is read by H2GIS's handler, which closes, sorts and
     * reverses rings as it does.
     */
    static final class OneRingPolygons extends ReadOnly {

        private final ShapeHandler others;

        OneRingPolygons(ShapeHandler others) {
            this.others = others;
        }

        @Override
        public ShapeType getShapeType() {
            return others.getShapeType();
        }

        @Override
        public Geometry read(ReadBufferManager buffer, ShapeType recordType) throws IOException {
            if (recordType == ShapeType.NULL) {
                return null;
            }
            // the record after its shape type: the box (32 bytes), the counts, the part starts, the points
            long at = buffer.getPosition();
            int parts = buffer.getInt(at + 32);
            int points = buffer.getInt(at + 36);
            if (parts != 1 || points < 4 || buffer.getInt(at + 40) != 0) {
                return others.read(buffer, recordType);
            }
            long first = at + 44;
            double[] xy = new double[2 * points];
            for (int i = 0; i < xy.length; i++) {
                xy[i] = buffer.getDouble(first + 8L * i);
            }
            CoordinateSequence ring = PackedCoordinateSequenceFactory.DOUBLE_FACTORY.create(xy, 2);
            boolean closed = xy[0] == xy[xy.length - 2] && xy[1] == xy[xy.length - 1];
            if (!closed || Orientation.isCCW(ring)) {
                return others.read(buffer, recordType);
            }
            buffer.position(first + 16L * points);
            return FLAT.createMultiPolygon(new Polygon[] {FLAT.createPolygon(FLAT.createLinearRing(ring))});
        }
    }
}
