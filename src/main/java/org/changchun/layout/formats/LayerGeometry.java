package org.changchun.layout.formats;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.locationtech.jts.geom.util.GeometryEditor;

/**
 * The one geometry type of a layer read from a format that allows a mix (GeoPackage, GeoJSON,
 * CSV), decided from every geometry of a first pass, and each geometry made to fit it as the
 * shapefile reader's are: in 2D, polygons as MultiPolygons, lines as MultiLineStrings, points as
 * Points unless some are MultiPoints. Layers that mix points, lines and polygons keep each
 * geometry as it is, under the type "Geometry".
 */
final class LayerGeometry {

    private static final GeometryFactory FLAT = new GeometryFactory(PackedCoordinateSequenceFactory.DOUBLE_FACTORY);

    private enum Family { POINT, LINE, POLYGON, MIXED }

    private Family family;
    private boolean multiPoints;
    private final Envelope extent = new Envelope();

    /** Notes one geometry of the first pass (null and empty ones count for nothing). */
    void observe(Geometry geometry) {
        if (geometry == null || geometry.isEmpty()) {
            return;
        }
        extent.expandToInclude(geometry.getEnvelopeInternal());
        Family seen = familyOf(geometry);
        multiPoints |= geometry instanceof MultiPoint;
        family = family == null || family == seen ? seen : Family.MIXED;
    }

    String type() {
        if (family == null) {
            return "Geometry";
        }
        return switch (family) {
            case POINT -> multiPoints ? "MultiPoint" : "Point";
            case LINE -> "MultiLineString";
            case POLYGON -> "MultiPolygon";
            case MIXED -> "Geometry";
        };
    }

    Envelope extent() {
        return new Envelope(extent);
    }

    /** The geometry in 2D and in the layer's type; null for a null or empty one. */
    Geometry fit(Geometry geometry) {
        if (geometry == null || geometry.isEmpty()) {
            return null;
        }
        Geometry flat = flat(geometry);
        if (family == Family.POLYGON && flat instanceof Polygon polygon) {
            return FLAT.createMultiPolygon(new Polygon[] {polygon});
        }
        if (family == Family.LINE && flat instanceof LineString line) {
            return FLAT.createMultiLineString(new LineString[] {line});
        }
        if (family == Family.POINT && multiPoints && flat instanceof Point point) {
            return FLAT.createMultiPoint(new Point[] {point});
        }
        return flat;
    }

    private static Family familyOf(Geometry geometry) {
        if (geometry instanceof Point || geometry instanceof MultiPoint) {
            return Family.POINT;
        }
        if (geometry instanceof LineString || geometry instanceof MultiLineString) {
            return Family.LINE;
        }
        if (geometry instanceof Polygon || geometry instanceof MultiPolygon) {
            return Family.POLYGON;
        }
        // a GeometryCollection: it alone mixes what a layer cannot
        return Family.MIXED;
    }

    private static Geometry flat(Geometry geometry) {
        if (geometry.getFactory() == FLAT) {
            return geometry;
        }
        Geometry edited = new GeometryEditor(FLAT).edit(geometry, new GeometryEditor.CoordinateSequenceOperation() {
            @Override
            public CoordinateSequence edit(CoordinateSequence sequence, Geometry unused) {
                double[] xy = new double[2 * sequence.size()];
                for (int i = 0; i < sequence.size(); i++) {
                    xy[2 * i] = sequence.getX(i);
                    xy[2 * i + 1] = sequence.getY(i);
                }
                return PackedCoordinateSequenceFactory.DOUBLE_FACTORY.create(xy, 2);
            }
        });
        return edited instanceof LinearRing ring ? FLAT.createLineString(ring.getCoordinateSequence()) : edited;
    }
}
