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

/**
 * Streams a JTS geometry as an RFC 7946 GeoJSON geometry object straight into a JSON generator:
 * no intermediate text, no {@code crs} member, exterior rings counter-clockwise and holes
 * clockwise, 2D coordinates with a fixed number of decimals.
 */
public final class GeoJsonGeometryWriter {

    private GeoJsonGeometryWriter() {
    }

    public static void write(Geometry geometry, JsonGenerator out, int decimals) {
        out.writeStartObject();
        out.writeStringProperty("type", geometry.getGeometryType());
        if (geometry instanceof GeometryCollection collection && !(geometry instanceof MultiPoint)
                && !(geometry instanceof MultiLineString) && !(geometry instanceof MultiPolygon)) {
            out.writeArrayPropertyStart("geometries");
            for (int i = 0; i < collection.getNumGeometries(); i++) {
                write(collection.getGeometryN(i), out, decimals);
            }
            out.writeEndArray();
        } else {
            out.writeName("coordinates");
            coordinates(geometry, out, decimals);
        }
        out.writeEndObject();
    }

    private static void coordinates(Geometry geometry, JsonGenerator out, int decimals) {
        if (geometry instanceof Point point) {
            if (point.isEmpty()) {
                out.writeStartArray();
                out.writeEndArray();
            } else {
                position(point.getCoordinateSequence(), 0, out, decimals);
            }
        } else if (geometry instanceof LineString line) {
            sequence(line.getCoordinateSequence(), false, out, decimals);
        } else if (geometry instanceof Polygon polygon) {
            polygon(polygon, out, decimals);
        } else {
            out.writeStartArray();
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                coordinates(geometry.getGeometryN(i), out, decimals);
            }
            out.writeEndArray();
        }
    }

    private static void polygon(Polygon polygon, JsonGenerator out, int decimals) {
        out.writeStartArray();
        if (!polygon.isEmpty()) {
            ring(polygon.getExteriorRing(), true, out, decimals);
            for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                ring(polygon.getInteriorRingN(i), false, out, decimals);
            }
        }
        out.writeEndArray();
    }

    private static void ring(LinearRing ring, boolean counterClockwise, JsonGenerator out, int decimals) {
        CoordinateSequence sequence = ring.getCoordinateSequence();
        boolean reverse = sequence.size() >= 4 && Orientation.isCCW(sequence) != counterClockwise;
        sequence(sequence, reverse, out, decimals);
    }

    private static void sequence(CoordinateSequence sequence, boolean reverse, JsonGenerator out, int decimals) {
        out.writeStartArray();
        int size = sequence.size();
        for (int i = 0; i < size; i++) {
            position(sequence, reverse ? size - 1 - i : i, out, decimals);
        }
        out.writeEndArray();
    }

    private static void position(CoordinateSequence sequence, int index, JsonGenerator out, int decimals) {
        out.writeStartArray();
        out.writeNumber(CoordinateFormat.format(sequence.getX(index), decimals));
        out.writeNumber(CoordinateFormat.format(sequence.getY(index), decimals));
        out.writeEndArray();
    }
}
