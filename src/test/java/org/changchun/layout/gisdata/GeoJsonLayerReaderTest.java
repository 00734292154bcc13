package org.changchun.layout.gisdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class GeoJsonLayerReaderTest {

    private static final List<FieldSpec> FIELDS = List.of(
            new FieldSpec("name_zh", FieldType.STRING, null, null),
            new FieldSpec("start_year", FieldType.INTEGER, null, null),
            new FieldSpec("investment", FieldType.NUMBER, null, null),
            new FieldSpec("sample", FieldType.BOOLEAN, null, null));

    private final GeoJsonLayerReader reader = new GeoJsonLayerReader(JsonMapper.builder().build());

    @Test
    void readsFeaturesWithTypedPropertiesAndChineseText() {
        List<Feature> features = read(collection(
                feature("\"a\"", "{\"name_zh\": \"双阳区项目\", \"start_year\": 2023, \"investment\": 1.5, \"sample\": true}",
                        "{\"type\": \"Point\", \"coordinates\": [125.7, 43.5]}"),
                feature("7", "{\"name_zh\": null}", "{\"type\": \"Point\", \"coordinates\": [125.7, 43.6]}")));

        assertThat(features).extracting(Feature::id).containsExactly("a", "7");
        assertThat(features.get(0).properties()).containsEntry("name_zh", "双阳区项目").containsEntry("start_year", 2023L)
                .containsEntry("investment", 1.5).containsEntry("sample", true);
        assertThat(features.get(1).properties()).containsEntry("name_zh", null);
        assertThat(features.get(0).geometry().getSRID()).isEqualTo(4326);
    }

    @Test
    void refusesWhatWouldLoadWrongly() {
        String point = "{\"type\": \"Point\", \"coordinates\": [125.7, 43.5]}";
        assertProblem("{\"type\": \"FeatureCollection\", \"features\": [", "is not valid JSON");
        assertProblem("{\"type\": \"FeatureCollection\", \"crs\": {}, \"features\": []}", "reproject the data to EPSG:4326");
        assertProblem(collection(feature("\"a\"", "{}", point), feature("\"a\"", "{}", point)),
                "feature id \"a\" is used twice");
        assertProblem(collection(feature(null, "{}", point)), "feature #1: the feature needs an \"id\"");
        assertProblem(collection(feature("\"a\"", "{\"colour\": \"red\"}", point)),
                "feature #1: feature 'a' has property \"colour\", which is not a field of the layer");
        assertProblem(collection(feature("\"a\"", "{\"start_year\": \"2023\"}", point)),
                "feature 'a' has \"start_year\": \"2023\", but the field is integer");
        assertProblem(collection(feature("\"a\"", "{\"sample\": 1}", point)), "but the field is boolean");
        assertProblem(collection(feature("\"a\"", "{}", "null")), "feature 'a' has no geometry");
        assertProblem(collection(feature("\"a\"", "{}", "{\"type\": \"Point\", \"coordinates\": [500000, 4800000]}")),
                "outside lon/lat range");
        assertProblem(collection(feature("\"a\"", "{}",
                        "{\"type\": \"Polygon\", \"coordinates\": [[[125,43],[126,44],[126,43],[125,44],[125,43]]]}")),
                "feature 'a' has an invalid geometry: Self-intersection");
        assertProblem(collection(feature("\"a\"", "{}", "{\"type\": \"Circle\", \"coordinates\": [1, 2]}")),
                "has geometry type \"Circle\"");
    }

    private void assertProblem(String json, String expected) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(GisDataException.class)
                .hasMessageStartingWith("gis-data/test.geojson: ")
                .hasMessageContaining(expected);
    }

    private List<Feature> read(String json) {
        return reader.read("test.geojson", json.getBytes(StandardCharsets.UTF_8), FIELDS);
    }

    private static String collection(String... features) {
        return "{\"type\": \"FeatureCollection\", \"features\": [" + String.join(",", features) + "]}";
    }

    private static String feature(String id, String properties, String geometry) {
        return "{\"type\": \"Feature\"" + (id == null ? "" : ", \"id\": " + id) + ", \"properties\": " + properties
                + ", \"geometry\": " + geometry + "}";
    }
}
