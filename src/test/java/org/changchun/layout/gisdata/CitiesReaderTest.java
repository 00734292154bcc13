package org.changchun.layout.gisdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.changchun.layout.plan.City;
import org.changchun.layout.plan.CityTarget;
import org.changchun.layout.plan.MemberRole;
import org.changchun.layout.feature.Feature;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import tools.jackson.databind.json.JsonMapper;

class CitiesReaderTest {

    private static final Map<String, Map<String, Feature>> LAYERS = Map.of(
            "districts", Map.of("220112", feature("220112", "双阳区", "Shuangyang District")),
            "dev-zones", Map.of("qikai", feature("qikai", "汽开区", "Automobile Development Zone")));

    /** A city's targets come from the indicators that measure them, not from the cities file. */
    private static final Map<String, List<CityTarget>> TARGETS = Map.of("automobile", List.of(new CityTarget("汽车产量",
            "Car output", 400, "万辆", "10,000 vehicles", ">=", 2026, null, null, null, "car-output")));

    private final CitiesReader reader = new CitiesReader(JsonMapper.builder().build());

    @Test
    void readsCitiesAndNamesSpatialMembersAfterTheirFeatures() {
        List<City> cities = read(city("""
                {"layer": "dev-zones", "feature": "qikai", "role": "lead"},
                {"layer": "districts", "feature": "220112", "role": "support", "group_zh": "东部", "group_en": "East"},
                {"name_zh": "长客", "name_en": "CRRC Changchun heritage", "role": "support"}"""));

        City city = cities.get(0);
        assertThat(city.members()).hasSize(3);
        assertThat(city.members().get(0).nameZh()).isEqualTo("汽开区");
        assertThat(city.members().get(0).role()).isEqualTo(MemberRole.LEAD);
        assertThat(city.members().get(1).groupZh()).isEqualTo("东部");
        assertThat(city.members().get(2).isSpatial()).isFalse();
        assertThat(city.spatialMembers()).hasSize(2);
        assertThat(city.targets()).extracting(CityTarget::indicator).containsExactly("car-output");
    }

    @Test
    void refusesTargetsWrittenInTheCitiesFile() {
        assertProblem(city("{\"layer\": \"dev-zones\", \"feature\": \"qikai\", \"role\": \"lead\"}")
                .replace("\"members\"", "\"targets\": [], \"members\""), "has unknown member(s) [targets]");
    }

    @Test
    void refusesMembersThatDoNotExistAndCitiesWithoutALead() {
        assertProblem(city("{\"layer\": \"districts\", \"feature\": \"999999\", \"role\": \"lead\"}"),
                "names feature \"999999\", which is not in layer \"districts\"");
        assertProblem(city("{\"layer\": \"zones\", \"feature\": \"x\", \"role\": \"lead\"}"),
                "names layer \"zones\", which layers.json does not list");
        assertProblem(city("{\"layer\": \"districts\", \"feature\": \"220112\", \"role\": \"boss\"}"),
                "has role \"boss\"; use lead or support");
        assertProblem(city("{\"layer\": \"districts\", \"feature\": \"220112\", \"role\": \"support\"}"),
                "city \"automobile\" has no member with role \"lead\"");
    }

    private void assertProblem(String json, String expected) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(GisDataException.class)
                .hasMessageStartingWith("gis-data/cities.json: ")
                .hasMessageContaining(expected);
    }

    private List<City> read(String json) {
        return reader.read("cities.json", json.getBytes(StandardCharsets.UTF_8), LAYERS, TARGETS);
    }

    private static String city(String members) {
        return """
                {"cities": [{"id": "automobile", "name_zh": "国际汽车城", "name_en": "International Automobile City",
                  "colour": "#c0392b", "members": [%s]}]}""".formatted(members);
    }

    private static Feature feature(String id, String nameZh, String nameEn) {
        return new Feature(id, Map.of("name_zh", nameZh, "name_en", nameEn),
                new GeometryFactory().createPoint(new Coordinate(125, 43)));
    }
}
