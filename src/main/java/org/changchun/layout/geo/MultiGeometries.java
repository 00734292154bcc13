package org.changchun.layout.geo;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.changchun.layout.feature.Feature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * One geometry type per layer. A layer whose features mix a type and its multi form (Polygon and
 * MultiPolygon, as the districts do: one of the eleven is a single polygon) is written with the
 * multi form only. Clients that take a collection's type from its features, such as GDAL's OAPIF driver,
 * which reads the first page, then see "MultiPolygon" rather than "Unknown (any)", and the type
 * the catalog declares for the layer is the type of every feature.
 */
public final class MultiGeometries {

    private MultiGeometries() {
    }

    /**
     * The features, their single geometries promoted to the multi type when the features mix the
     * two forms of one type; unchanged otherwise (all of one form, or of different dimensions,
     * such as the project library's points and polygons, which no promotion can make one type).
     */
    public static List<Feature> promoteMixed(List<Feature> features) {
        Set<String> multiTypes = features.stream().map(f -> multiType(f.geometry())).collect(Collectors.toSet());
        Set<String> types = features.stream().map(f -> f.geometry().getGeometryType()).collect(Collectors.toSet());
        if (multiTypes.size() != 1 || multiTypes.contains(null) || types.size() == 1) {
            return features;
        }
        return features.stream()
                .map(f -> new Feature(f.id(), f.properties(), toMulti(f.geometry())))
                .toList();
    }

    /** The multi type a geometry's type belongs with ("Polygon" → "MultiPolygon"), or null for a collection. */
    private static String multiType(Geometry geometry) {
        return switch (geometry.getGeometryType()) {
            case "Point", "MultiPoint" -> "MultiPoint";
            case "LineString", "LinearRing", "MultiLineString" -> "MultiLineString";
            case "Polygon", "MultiPolygon" -> "MultiPolygon";
            default -> null;
        };
    }

    private static Geometry toMulti(Geometry geometry) {
        GeometryFactory factory = geometry.getFactory();
        Geometry multi;
        if (geometry instanceof Polygon polygon) {
            multi = factory.createMultiPolygon(new Polygon[] {polygon});
        } else if (geometry instanceof LineString line) {
            multi = factory.createMultiLineString(new LineString[] {line});
        } else if (geometry instanceof Point point) {
            multi = factory.createMultiPoint(new Point[] {point});
        } else {
            return geometry;
        }
        multi.setSRID(geometry.getSRID());
        return multi;
    }
}
