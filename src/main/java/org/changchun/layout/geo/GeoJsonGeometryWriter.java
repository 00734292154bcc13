package org.changchun.layout.geo;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Streams a JTS geometry as an RFC 7946 GeoJSON geometry object straight into a JSON generator:
 * no intermediate text, no {@code crs} member, exterior rings counter-clockwise and holes
 * clockwise, 2D coordinates with a fixed number of decimals.
 */
public final class GeoJsonGeometryWriter {

    private static final SerializableString TYPE = new SerializedString("type");
    private static final SerializableString COORDINATES = new SerializedString("coordinates");

    private GeoJsonGeometryWriter() {
    }

    public static void write(Geometry geometry, JsonGenerator out, int decimals) {
        write(geometry, new Positions(out, decimals));
    }

    /** Where positions go, and the one buffer each coordinate's text is made in. */
    private record Positions(JsonGenerator out, int decimals, char[] text) {

        Positions(JsonGenerator out, int decimals) {
            this(out, decimals, new char[CoordinateFormat.MAX_LENGTH]);
        }

        void write(CoordinateSequence sequence, int index) {
            out.writeStartArray();
            out.writeNumber(text, 0, CoordinateFormat.format(sequence.getX(index), decimals, text));
            out.writeNumber(text, 0, CoordinateFormat.format(sequence.getY(index), decimals, text));
            out.writeEndArray();
        }
    }

    private static void write(Geometry geometry, Positions positions) {
        JsonGenerator out = positions.out();
        out.writeStartObject();
        out.writeName(TYPE);
        out.writeString(geometry.getGeometryType());
        if (geometry instanceof GeometryCollection collection && !(geometry instanceof MultiPoint)
                && !(geometry instanceof MultiLineString) && !(geometry instanceof MultiPolygon)) {
            out.writeArrayPropertyStart("geometries");
            for (int i = 0; i < collection.getNumGeometries(); i++) {
                write(collection.getGeometryN(i), positions);
            }
            out.writeEndArray();
        } else {
            out.writeName(COORDINATES);
            coordinates(geometry, positions);
        }
        out.writeEndObject();
    }

    private static void coordinates(Geometry geometry, Positions positions) {
        JsonGenerator out = positions.out();
        if (geometry instanceof Point point) {
            if (point.isEmpty()) {
                out.writeStartArray();
                out.writeEndArray();
            } else {
                positions.write(point.getCoordinateSequence(), 0);
            }
        } else if (geometry instanceof LineString line) {
            sequence(line.getCoordinateSequence(), false, positions);
        } else if (geometry instanceof Polygon polygon) {
            polygon(polygon, positions);
        } else {
            out.writeStartArray();
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                coordinates(geometry.getGeometryN(i), positions);
            }
            out.writeEndArray();
        }
    }

    private static void polygon(Polygon polygon, Positions positions) {
        JsonGenerator out = positions.out();
        out.writeStartArray();
        if (!polygon.isEmpty()) {
            ring(polygon.getExteriorRing(), true, positions);
            for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                ring(polygon.getInteriorRingN(i), false, positions);
            }
        }
        out.writeEndArray();
    }

    private static void ring(LinearRing ring, boolean counterClockwise, Positions positions) {
        CoordinateSequence sequence = ring.getCoordinateSequence();
        boolean reverse = sequence.size() >= 4 && Orientation.isCCW(sequence) != counterClockwise;
        sequence(sequence, reverse, positions);
    }

    private static void sequence(CoordinateSequence sequence, boolean reverse, Positions positions) {
        JsonGenerator out = positions.out();
        out.writeStartArray();
        int size = sequence.size();
        for (int i = 0; i < size; i++) {
            positions.write(sequence, reverse ? size - 1 - i : i);
        }
        out.writeEndArray();
    }
}
