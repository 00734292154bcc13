package org.changchun.layout.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.StoredProperties;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

class GeoJsonFeatureWriterTest {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String written(Consumer<JsonGenerator> writing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartArray();
            writing.accept(out);
            out.writeEndArray();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void writesStoredPropertiesAsItWritesAnyMapAcrossLayersOfOneResponse() {
        Geometry point = WGS84.createPoint(new Coordinate(125.32451234, 43.88));
        StoredProperties.Names projects = new StoredProperties.Names(List.of("name_zh", "start_year", "sample"));
        StoredProperties.Names districts = new StoredProperties.Names(List.of("adcode", "area_km2", "opened"));
        List<Feature> stored = List.of(
                new Feature("p1", new StoredProperties(projects, new Object[] {"北湖\"科技\"园", 2022L, true}), point),
                // text as the UTF-8 bytes PostgreSQL sent: escaped as a string would be
                new Feature("p3", new StoredProperties(projects, new Object[] {
                    utf8("引号\" 反斜杠\\ 换行\n 制表\t \u0001 🌾 </script>"), 2024L, true}), point),
                new Feature("d1", new StoredProperties(districts, new Object[] {"220102", 1.5, LocalDate.of(2020, 1, 2)}),
                        point),
                new Feature("p2", new StoredProperties(projects, new Object[] {null, null, false}), point));
        List<Feature> plain = stored.stream()
                .map(feature -> new Feature(feature.id(), new LinkedHashMap<>(feature.properties()), point)).toList();

        String fromStored = written(out -> {
            GeoJsonFeatureWriter writer = new GeoJsonFeatureWriter(out, null);
            stored.forEach(feature -> writer.write(feature, feature.geometry()));
        });
        String fromMaps = written(out -> {
            GeoJsonFeatureWriter writer = new GeoJsonFeatureWriter(out, null);
            plain.forEach(feature -> writer.write(feature, feature.geometry()));
        });
        assertThat(fromStored).isEqualTo(fromMaps);
        assertThat(fromStored).startsWith("[{\"type\":\"Feature\",\"id\":\"p1\",\"properties\":{\"name_zh\":"
                + "\"北湖\\\"科技\\\"园\",\"start_year\":2022,\"sample\":true},\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[125.3245123,43.88]}}");
        assertThat(fromStored).contains("\"properties\":{\"adcode\":\"220102\",\"area_km2\":1.5,\"opened\":\"2020-01-02\"}");
        assertThat(fromStored).contains("\"id\":\"p3\",\"properties\":{\"name_zh\":\"引号\\\" 反斜杠\\\\ 换行\\n 制表\\t "
                + "\\u0001 🌾 </script>\"");
        assertThat(fromStored).contains("\"id\":\"p2\",\"properties\":{\"name_zh\":null,\"start_year\":null,"
                + "\"sample\":false}");
    }

    @Test
    void writesTheSelectedPropertiesInTheirOrder() {
        Geometry point = WGS84.createPoint(new Coordinate(125, 43));
        StoredProperties.Names names = new StoredProperties.Names(List.of("name_zh", "start_year", "sample"));
        Feature feature = new Feature("p1", new StoredProperties(names, new Object[] {"a", 2022L, true}), point);
        Feature other = new Feature("p2", ordered("name_zh", "b", "start_year", 2023L, "sample", false), point);
        String json = written(out -> {
            GeoJsonFeatureWriter writer = new GeoJsonFeatureWriter(out, List.of("sample", "name_zh"));
            writer.write(feature, point);
            writer.write(other, point);
        });
        assertThat(json).contains("\"id\":\"p1\",\"properties\":{\"sample\":true,\"name_zh\":\"a\"}")
                .contains("\"id\":\"p2\",\"properties\":{\"sample\":false,\"name_zh\":\"b\"}");
    }
}
