package org.changchun.layout.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What a site may be, what is repaired and what is refused: one GeoJSON in, a site or a refusal out. */
class SiteGeometryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void takesPointsAndPolygonsAloneOrInAFeature() {
        assertThat(read("{\"type\":\"Point\",\"coordinates\":[125.3,43.9]}").isPuntal()).isTrue();
        Site square = read("{\"type\":\"Feature\",\"properties\":{\"name\":\"x\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[125.3,43.9],[125.31,43.9],[125.31,43.91],[125.3,43.91],[125.3,43.9]]]}}");
        assertThat(square.repairs()).isEmpty();
        // about 805 m × 1,112 m at 43.9°N
        assertThat(square.areaM2()).isBetween(890_000.0, 900_000.0);
        assertThat(read("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[125.3,43.9]}}]}").isPuntal()).isTrue();
    }

    @Test
    void repairsAPolygonThatIsInvalidWithoutAmbiguityAndSaysSo() {
        // two overlapping squares as one MultiPolygon: their union
        Site overlapping = read("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[125.3,43.9],[125.32,43.9],[125.32,43.92],"
                + "[125.3,43.92],[125.3,43.9]]],[[[125.31,43.9],[125.33,43.9],[125.33,43.92],[125.31,43.92],[125.31,43.9]]]]}");
        assertThat(overlapping.repairs()).extracting(Review.Note::code).containsExactly("repaired");
        assertThat(overlapping.geometry().isValid()).isTrue();
        assertThat(overlapping.geometry().getNumGeometries()).isEqualTo(1);
        // a ring that touches itself at one vertex
        Site touching = read("{\"type\":\"Polygon\",\"coordinates\":[[[125.3,43.9],[125.32,43.9],[125.31,43.91],"
                + "[125.32,43.92],[125.3,43.92],[125.31,43.91],[125.3,43.9]]]}");
        assertThat(touching.repairs()).hasSize(1);
        assertThat(touching.repairs().get(0).messageEn()).contains("repaired");
    }

    @Test
    void refusesWhatCannotBeASiteSayingWhatToFix() {
        refused("{\"type\":\"Polygon\",\"coordinates\":[[[125.3,43.9],[125.32,43.92],[125.32,43.9],[125.3,43.92],"
                + "[125.3,43.9]]]}", "crosses itself");
        refused("{\"type\":\"Polygon\",\"coordinates\":[]}", "empty");
        refused("{\"type\":\"Point\",\"coordinates\":[43.9,125.3]}", "not a longitude, latitude");
        refused("{\"type\":\"MultiPoint\",\"coordinates\":[[125.3,43.9]]}", "Point, Polygon or MultiPolygon");
        refused("{\"type\":\"Polygon\",\"coordinates\":[[[125.3,43.9],[125.3,43.9],[125.3,43.9],[125.3,43.9]]]}",
                "no area");
        refused("[1,2]", "must be a GeoJSON");
        refused("{\"type\":\"FeatureCollection\",\"features\":[{},{}]}", "one site at a time");
    }

    private static Site read(String json) {
        return SiteGeometry.fromGeoJson(JSON.readTree(json));
    }

    private static void refused(String json, String message) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(InvalidSiteException.class)
                .satisfies(e -> assertThat(((InvalidSiteException) e).messageEn()).contains(message))
                .satisfies(e -> assertThat(((InvalidSiteException) e).messageZh()).isNotBlank());
    }
}
