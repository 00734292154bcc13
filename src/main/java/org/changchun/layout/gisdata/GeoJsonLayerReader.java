package org.changchun.layout.gisdata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.changchun.layout.geo.FeatureJson;
import org.changchun.layout.geo.InvalidFeatureException;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FieldSpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one RFC 7946 FeatureCollection of {@code gis-data/} into features, checking it against
 * the layer's declared fields. Plan data is curated, so nothing is repaired here: the first
 * problem stops the load and names the feature.
 */
final class GeoJsonLayerReader {

    private final JsonMapper json;

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

    private static Feature feature(String file, JsonNode node, int index, List<FieldSpec> fields) {
        try {
            return FeatureJson.read(node, fields, null);
        } catch (InvalidFeatureException e) {
            throw new GisDataException(file, "feature #" + (index + 1) + ": " + e.messageEn());
        }
    }
}
