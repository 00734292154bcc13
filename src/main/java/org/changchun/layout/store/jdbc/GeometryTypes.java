package org.changchun.layout.store.jdbc;

import org.locationtech.jts.geom.Geometry;

/** Names the one geometry type that can describe every feature of a layer. */
final class GeometryTypes {

    private GeometryTypes() {
    }

    /**
     * The common type of a layer that so far had {@code current} and now also holds
     * {@code geometry}: the same type when they agree, the multi type when both are of one
     * dimension (Polygon and MultiPolygon → MultiPolygon), "Geometry" otherwise.
     *
     * @param current null for a layer with no feature yet
     */
    static String common(String current, Geometry geometry) {
        String type = geometry.getGeometryType();
        if (current == null || current.equals(type)) {
            return type;
        }
        String multi = multiOf(type);
        if (multi != null && multi.equals(multiOf(current))) {
            return multi;
        }
        return "Geometry";
    }

    private static String multiOf(String type) {
        return switch (type) {
            case "Point", "MultiPoint" -> "MultiPoint";
            case "LineString", "MultiLineString" -> "MultiLineString";
            case "Polygon", "MultiPolygon" -> "MultiPolygon";
            default -> null;
        };
    }
}
