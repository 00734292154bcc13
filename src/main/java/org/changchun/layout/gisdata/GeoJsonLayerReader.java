package org.changchun.layout.gisdata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.changchun.layout.store.Feature;
import org.changchun.layout.store.FieldSpec;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one RFC 7946 FeatureCollection of {@code gis-data/} into features, checking it against
 * the layer's declared fields. Plan data is curated, so nothing is repaired here: the first
 * problem stops the load and names the feature.
 */
final class GeoJsonLayerReader {

    private static final Set<String> GEOMETRY_TYPES = Set.of(
            "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon");

    private final JsonMapper json;
    private final GeoJsonReader geometryReader = new GeoJsonReader(new GeometryFactory(new PrecisionModel(), 4326));

    GeoJsonLayerReader(JsonMapper json) {
        this.json = json;
    }

    List<Feature> read(String file, byte[] content, List<FieldSpec> fields) {
        JsonNode root;
        try {
            root = json.readTree(content);
        } catch (JacksonException e) {
            throw new GisDataException(file, "is not valid JSON: " + e.getOriginalMessage());
        }
        StrictJson collection = new StrictJson(file, "the top level", root);
        if (root.has("crs")) {
            throw collection.problem("has a \"crs\" member; RFC 7946 GeoJSON is always WGS84 lon/lat: "
                    + "reproject the data to EPSG:4326 and remove \"crs\"");
        }
        collection.allowOnly(Set.of("type", "features", "bbox"));
        if (!"FeatureCollection".equals(collection.text("type"))) {
            throw collection.problem("must have \"type\": \"FeatureCollection\"");
        }
        List<Feature> features = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode node : collection.array("features")) {
            Feature feature = feature(file, node, index++, fields);
            if (!ids.add(feature.id())) {
                throw new GisDataException(file, "feature id \"" + feature.id() + "\" is used twice");
            }
            features.add(feature);
        }
        return features;
    }

    private Feature feature(String file, JsonNode node, int index, List<FieldSpec> fields) {
        StrictJson position = new StrictJson(file, "feature #" + (index + 1), node)
                .allowOnly(Set.of("type", "id", "properties", "geometry", "bbox"));
        JsonNode idNode = position.raw("id");
        if (idNode == null || !(idNode.isString() || idNode.isIntegralNumber()) || idNode.asString().isBlank()) {
            throw position.problem("needs an \"id\" (text or whole number) that is unique in the file");
        }
        String id = idNode.asString();
        StrictJson feature = new StrictJson(file, "feature \"" + id + "\"", node);
        if (!"Feature".equals(feature.text("type"))) {
            throw feature.problem("must have \"type\": \"Feature\"");
        }
        return new Feature(id, properties(feature, fields), geometry(feature));
    }

    private static Map<String, Object> properties(StrictJson feature, List<FieldSpec> fields) {
        JsonNode node = feature.raw("properties");
        Map<String, Object> values = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            throw feature.problem("must have \"properties\" as an object");
        }
        for (String name : node.propertyNames()) {
            FieldSpec field = fields.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(() ->
                    feature.problem("has property \"" + name + "\", which layers.json does not list for this layer"));
            values.put(name, value(feature, field, node.get(name)));
        }
        return values;
    }

    private static Object value(StrictJson feature, FieldSpec field, JsonNode value) {
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
            throw feature.problem("has \"" + field.name() + "\": " + value
                    + ", but layers.json declares it " + field.type().code());
        }
        return switch (field.type()) {
            case STRING, DATE -> value.stringValue();
            case INTEGER -> value.longValue();
            case NUMBER -> value.doubleValue();
            case BOOLEAN -> value.booleanValue();
        };
    }

    private Geometry geometry(StrictJson feature) {
        JsonNode node = feature.raw("geometry");
        if (node == null || node.isNull()) {
            throw feature.problem("has no geometry");
        }
        String type = node.path("type").asString("");
        if (!GEOMETRY_TYPES.contains(type)) {
            throw feature.problem("has geometry type \"" + type + "\"; use one of " + GEOMETRY_TYPES);
        }
        Geometry geometry;
        try {
            geometry = geometryReader.read(node.toString());
        } catch (ParseException | RuntimeException e) {
            throw feature.problem("has a geometry that cannot be read: " + e.getMessage());
        }
        if (geometry.isEmpty()) {
            throw feature.problem("has an empty geometry");
        }
        for (Coordinate c : geometry.getCoordinates()) {
            if (!(Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90)) {
                throw feature.problem("has coordinate (" + c.x + ", " + c.y + ") outside lon/lat range; "
                        + "the data must be WGS84 longitude, latitude (projected coordinates need reprojecting)");
            }
        }
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            throw feature.problem("has an invalid geometry: " + error.getMessage() + " at "
                    + error.getCoordinate().x + ", " + error.getCoordinate().y);
        }
        geometry.setSRID(4326);
        return geometry;
    }
}
