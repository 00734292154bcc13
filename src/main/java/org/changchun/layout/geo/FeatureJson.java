package org.changchun.layout.geo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FieldSpec;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.databind.JsonNode;

/**
 * Reads one GeoJSON Feature against a layer's fields: every property must be a field and fit its
 * type, and the geometry must be a valid 2D geometry with lon/lat coordinates. Nothing is repaired:
 * the first problem is reported, naming the feature and what to fix.
 */
public final class FeatureJson {

    private static final Set<String> GEOMETRY_TYPES = Set.of(
            "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon");
    private static final Set<String> MEMBERS = Set.of("type", "id", "properties", "geometry", "bbox", "links");

    private FeatureJson() {
    }

    /**
     * @param id the feature's id; null to take the {@code id} member, which must then be present
     * @throws InvalidFeatureException naming the problem
     */
    public static Feature read(JsonNode node, List<FieldSpec> fields, String id) {
        return read(node, fields, id, UnaryOperator.identity());
    }

    /**
     * @param toWgs84 converts the geometry from the coordinates it is written in to WGS84 lon/lat
     *                before it is checked
     */
    public static Feature read(JsonNode node, List<FieldSpec> fields, String id, UnaryOperator<Geometry> toWgs84) {
        if (node == null || !node.isObject()) {
            throw new InvalidFeatureException("要素必须是 JSON 对象", "a feature must be a JSON object");
        }
        for (String member : node.propertyNames()) {
            if (!MEMBERS.contains(member)) {
                throw new InvalidFeatureException("要素含未知成员“" + member + "”",
                        "the feature has an unknown member '" + member + "'; allowed: " + MEMBERS);
            }
        }
        if (!"Feature".equals(node.path("type").asString(""))) {
            throw new InvalidFeatureException("要素须有 \"type\": \"Feature\"", "the feature needs \"type\": \"Feature\"");
        }
        String featureId = id != null ? id : id(node);
        String where = "要素“" + featureId + "”";
        String whereEn = "feature '" + featureId + "'";
        return new Feature(featureId, properties(node.get("properties"), fields, where, whereEn),
                geometry(node.get("geometry"), where, whereEn, toWgs84));
    }

    private static String id(JsonNode node) {
        JsonNode id = node.get("id");
        if (id == null || !(id.isString() || id.isIntegralNumber()) || id.asString().isBlank()) {
            throw new InvalidFeatureException("要素须有唯一的 \"id\"（文本或整数）",
                    "the feature needs an \"id\" (text or whole number) unique in its layer");
        }
        return id.asString();
    }

    /** Reads a properties member alone, e.g. from a partial update; null values stay (they clear a field). */
    public static Map<String, Object> properties(JsonNode node, List<FieldSpec> fields, String where, String whereEn) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            throw new InvalidFeatureException(where + "的 \"properties\" 必须是对象",
                    whereEn + " must have \"properties\" as an object");
        }
        for (String name : node.propertyNames()) {
            FieldSpec field = fields.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(() ->
                    new InvalidFeatureException(where + "含属性“" + name + "”，但图层没有此字段",
                            whereEn + " has property \"" + name + "\", which is not a field of the layer"));
            values.put(name, value(field, node.get(name), where, whereEn));
        }
        return values;
    }

    private static Object value(FieldSpec field, JsonNode value, String where, String whereEn) {
        if (value.isNull()) {
            return null;
        }
        boolean fits = switch (field.type()) {
            case STRING, DATE -> value.isString();
            case INTEGER -> value.isIntegralNumber() && value.canConvertToLong();
            case NUMBER -> value.isNumber();
            case BOOLEAN -> value.isBoolean();
        };
        if (!fits) {
            throw new InvalidFeatureException(where + "的“" + field.name() + "”应为" + field.type().code() + "，实为 " + value,
                    whereEn + " has \"" + field.name() + "\": " + value + ", but the field is " + field.type().code());
        }
        return switch (field.type()) {
            case STRING, DATE -> value.stringValue();
            case INTEGER -> value.longValue();
            case NUMBER -> value.doubleValue();
            case BOOLEAN -> value.booleanValue();
        };
    }

    /** Reads a geometry member alone, e.g. from a partial update. */
    public static Geometry geometry(JsonNode node, String where, String whereEn, UnaryOperator<Geometry> toWgs84) {
        if (node == null || node.isNull()) {
            throw new InvalidFeatureException(where + "没有几何", whereEn + " has no geometry");
        }
        String type = node.path("type").asString("");
        if (!GEOMETRY_TYPES.contains(type)) {
            throw new InvalidFeatureException(where + "的几何类型“" + type + "”不受支持",
                    whereEn + " has geometry type \"" + type + "\"; use one of " + GEOMETRY_TYPES);
        }
        Geometry geometry;
        try {
            geometry = new GeoJsonReader(new GeometryFactory(new PrecisionModel(), 4326)).read(node.toString());
        } catch (ParseException | RuntimeException e) {
            throw new InvalidFeatureException(where + "的几何无法读取：" + e.getMessage(),
                    whereEn + " has a geometry that cannot be read: " + e.getMessage());
        }
        if (geometry.isEmpty()) {
            throw new InvalidFeatureException(where + "的几何为空", whereEn + " has an empty geometry");
        }
        try {
            geometry = toWgs84.apply(geometry);
        } catch (RuntimeException e) {
            throw new InvalidFeatureException(where + "的坐标无法转换为 WGS84：" + e.getMessage(),
                    whereEn + " has coordinates that cannot be converted to WGS84: " + e.getMessage());
        }
        for (Coordinate c : geometry.getCoordinates()) {
            if (!(Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90)) {
                throw new InvalidFeatureException(
                        where + "的坐标 (" + c.x + ", " + c.y + ") 超出经纬度范围；数据须为 WGS84 经度、纬度",
                        whereEn + " has coordinate (" + c.x + ", " + c.y + ") outside lon/lat range; the data must be "
                                + "WGS84 longitude, latitude (projected coordinates need reprojecting)");
            }
        }
        TopologyValidationError error = GeometryValidity.errorOf(geometry);
        if (error != null) {
            throw new InvalidFeatureException(
                    where + "的几何无效：" + error.getMessage() + "，位于 " + error.getCoordinate().x + ", " + error.getCoordinate().y,
                    whereEn + " has an invalid geometry: " + error.getMessage() + " at " + error.getCoordinate().x
                            + ", " + error.getCoordinate().y);
        }
        geometry.setSRID(4326);
        return geometry;
    }
}
