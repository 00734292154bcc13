package org.changchun.layout.ogc.cql2;

import java.util.Set;
import org.changchun.layout.geo.ApiCrs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.databind.JsonNode;

/**
 * The geometry literals of CQL2 JSON: GeoJSON geometries and {@code {"bbox": [...]}}, read into
 * the same JTS geometries as their WKT and BBOX forms in the text encoding (SRID 4326,
 * coordinates as written, 2D), with the same check against the filter CRS's valid area.
 */
final class JsonGeometries {

    private static final Set<String> TYPES = Set.of("Point", "LineString", "Polygon", "MultiPoint",
            "MultiLineString", "MultiPolygon", "GeometryCollection");

    private final ApiCrs crs;
    private final Envelope validArea;

    JsonGeometries(ApiCrs crs) {
        this.crs = crs;
        this.validArea = crs.validArea();
    }

    Geometry geometry(JsonNode node, String path) {
        String type = node.path("type").asString("");
        if (!TYPES.contains(type)) {
            throw Cql2Errors.json(path + "/type", "不支持的几何类型“" + type + "”", "unsupported geometry type \"" + type
                    + "\"; use one of " + TYPES);
        }
        Geometry geometry;
        try {
            geometry = new GeoJsonReader(GeometryBuilder.FACTORY).read(node.toString());
        } catch (ParseException | RuntimeException e) {
            throw Cql2Errors.json(path, "几何无法读取：" + e.getMessage(), "the geometry cannot be read: " + e.getMessage());
        }
        geometry.apply((CoordinateFilter) c -> c.setZ(Coordinate.NULL_ORDINATE));
        for (Coordinate coordinate : geometry.getCoordinates()) {
            requireInValidArea(coordinate, path);
        }
        geometry.setSRID(4326);
        return geometry;
    }

    /** [west, south, east, north] or, with heights, [west, south, minElev, east, north, maxElev]. */
    Geometry box(JsonNode numbers, String path) {
        if (!numbers.isArray() || (numbers.size() != 4 && numbers.size() != 6)) {
            throw Cql2Errors.json(path, "bbox 应为 4 个数（或含高程的 6 个数）", "a bbox must be an array of 4 numbers (or 6 with heights)");
        }
        for (JsonNode number : numbers) {
            if (!number.isNumber() || !Double.isFinite(number.doubleValue())) {
                throw Cql2Errors.json(path, "bbox 只能包含数字", "a bbox holds numbers only");
            }
        }
        int half = numbers.size() / 2;
        Coordinate southWest = new Coordinate(numbers.get(0).doubleValue(), numbers.get(1).doubleValue());
        Coordinate northEast = new Coordinate(numbers.get(half).doubleValue(), numbers.get(half + 1).doubleValue());
        requireInValidArea(southWest, path);
        requireInValidArea(northEast, path);
        if (southWest.x > northEast.x || southWest.y > northEast.y) {
            throw Cql2Errors.json(path, GeometryBuilder.BOX_ORDER_ZH, GeometryBuilder.BOX_ORDER_EN);
        }
        return GeometryBuilder.box(southWest, northEast);
    }

    private void requireInValidArea(Coordinate coordinate, String path) {
        if (!validArea.contains(coordinate)) {
            String written = coordinate.x + " " + coordinate.y;
            throw Cql2Errors.json(path, "几何字面量中的坐标 (" + written + ") 超出 filter-crs 的有效范围（" + crs.validAreaZh() + "）",
                    "the coordinate (" + written + ") of the geometry literal is outside the valid area of the filter's CRS "
                            + "(filter-crs), " + crs.validAreaEn());
        }
    }
}
