package org.changchun.layout.gisdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.LayerKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class LayerManifestTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsLayersInOrderWithTheirFields() {
        LayerManifest manifest = parse("""
                {"layers": [
                  {"id": "districts", "file": "districts.geojson", "kind": "plan-area", "title_zh": "行政区",
                   "title_en": "Districts", "fields": [{"name": "name_zh", "type": "string", "title_zh": "名称"}]},
                  {"id": "projects", "file": "projects.geojson", "kind": "projects", "title_zh": "项目库",
                   "title_en": "Projects", "fields": [{"name": "start_year", "type": "integer"}]}],
                 "cities": "cities.json", "rules": "rules.json"}""");

        assertThat(manifest.layers()).extracting(e -> e.spec().id()).containsExactly("districts", "projects");
        assertThat(manifest.layers().get(1).spec().kind()).isEqualTo(LayerKind.PROJECTS);
        assertThat(manifest.layers().get(1).spec().fields().get(0).type()).isEqualTo(FieldType.INTEGER);
        assertThat(manifest.layers().get(0).spec().fields().get(0).titleZh()).isEqualTo("名称");
        assertThat(manifest.citiesFile()).isEqualTo("cities.json");
        assertThat(manifest.rulesFile()).isEqualTo("rules.json");
    }

    @Test
    void refusesUnknownKindsTypesMembersAndBadIds() {
        String layer = "{\"id\": \"%s\", \"file\": \"f.geojson\", \"kind\": \"%s\", \"title_zh\": \"t\", "
                + "\"title_en\": \"t\", \"fields\": [{\"name\": \"n\", \"type\": \"%s\"}]%s}";
        assertProblem(layer.formatted("Bad_Id", "plan-area", "string", ""), "ids are lower-case words joined by '-'");
        assertProblem(layer.formatted("zones", "polygon", "string", ""), "has kind \"polygon\"");
        assertProblem(layer.formatted("zones", "plan-area", "text", ""), "\"n\" has type \"text\"");
        assertProblem(layer.formatted("zones", "plan-area", "string", ", \"colour\": \"red\""),
                "has unknown member(s) [colour]");
    }

    private void assertProblem(String layer, String expected) {
        assertThatThrownBy(() -> parse("{\"layers\": [" + layer + "], \"cities\": \"cities.json\"}"))
                .isInstanceOf(GisDataException.class)
                .hasMessageStartingWith("gis-data/layers.json: ")
                .hasMessageContaining(expected);
    }

    private LayerManifest parse(String text) {
        return LayerManifest.parse(json, text.getBytes(StandardCharsets.UTF_8));
    }
}
