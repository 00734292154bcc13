package org.changchun.layout.gisdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.plan.City;
import org.changchun.layout.plan.rules.AreaPurpose;
import org.changchun.layout.plan.rules.ConstraintRule;
import org.changchun.layout.plan.rules.RuleBook;
import org.changchun.layout.plan.rules.RuleLevel;
import org.changchun.layout.plan.rules.RuleSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The shipped rules read against the shipped layers and cities, and the mistakes the reader refuses. */
class RulesReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path GIS_DATA = Path.of("gis-data");

    private static Map<String, LayerSpec> specs;
    private static Map<String, Map<String, Feature>> features;
    private static List<City> cities;
    private static String rules;

    @BeforeAll
    static void readThePlanData() throws IOException {
        LayerManifest manifest = LayerManifest.parse(JSON, Files.readAllBytes(GIS_DATA.resolve(LayerManifest.FILE)));
        specs = new LinkedHashMap<>();
        features = new LinkedHashMap<>();
        GeoJsonLayerReader reader = new GeoJsonLayerReader(JSON);
        for (LayerManifest.Entry entry : manifest.layers()) {
            specs.put(entry.spec().id(), entry.spec());
            features.put(entry.spec().id(), reader.read(entry.file(), Files.readAllBytes(GIS_DATA.resolve(entry.file())),
                    entry.spec().fields()).stream().collect(Collectors.toMap(Feature::id, Function.identity())));
        }
        cities = new CitiesReader(JSON).read("cities.json", Files.readAllBytes(GIS_DATA.resolve(manifest.citiesFile())),
                features, Map.of());
        rules = Files.readString(GIS_DATA.resolve(manifest.rulesFile()));
    }

    @Test
    void everyAreaOfThePlanSaysWhatItIsForWithASource() {
        RuleBook book = read(rules);
        Set<String> planAreas = new TreeSet<>();
        specs.values().stream().filter(s -> s.kind() == LayerKind.PLAN_AREA && !s.id().equals("eco-redline-sample"))
                .forEach(s -> features.get(s.id()).keySet().forEach(id -> planAreas.add(s.id() + "/" + id)));
        Set<String> withPurpose = new TreeSet<>();
        book.areas().forEach(a -> withPurpose.add(a.layer() + "/" + a.feature()));
        assertThat(withPurpose).isEqualTo(planAreas);
        for (AreaPurpose area : book.areas()) {
            assertThat(area.cities()).as(area.feature()).isNotEmpty();
            assertThat(area.industries()).as(area.feature()).isNotEmpty();
            area.sources().forEach(source -> assertThat(book.source(source)).isNotNull());
        }
        assertThat(book.purpose("agri-belts", "west").orElseThrow().cities()).containsExactly("agriculture");
        assertThat(book.purpose("dev-zones", "qikai").orElseThrow().industries()).contains("新装备");
        assertThat(book.areasServing("automobile")).extracting(AreaPurpose::feature)
                .contains("qikai", "auto-city", "220104", "220106", "220103", "220184");
        assertThat(book.checksum()).startsWith("sha256:");
    }

    @Test
    void theSeedIsQuotedAndTheControlLinesNameTheirDocuments() {
        RuleBook book = read(rules);
        for (RuleSource source : book.sources().values()) {
            if (source.id().startsWith("seed-")) {
                assertThat(source.quoteZh()).as(source.id()).isNotBlank();
                assertThat(source.documentZh()).contains("第十四次党代会报告");
            }
        }
        assertThat(book.restrictions()).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo("west-belt-manufacturing");
            assertThat(r.level()).isEqualTo(RuleLevel.CONDITION);
            assertThat(r.industries()).contains("新装备");
        });
        ConstraintRule redLine = book.constraints().get(0);
        assertThat(redLine.layer()).isEqualTo("eco-redline-sample");
        assertThat(redLine.sample()).isTrue();
        assertThat(redLine.inside()).isEqualTo(RuleLevel.CONFLICT);
        assertThat(redLine.source().quoteZh()).contains("生态保护红线内");
        assertThat(book.kind("basic-farmland").orElseThrow().permittedIndustries()).containsExactly("新农业");
        assertThat(book.kind("urban-development-boundary").orElseThrow().outside()).isEqualTo(RuleLevel.CONDITION);
    }

    @Test
    void refusesRulesThatPointAtNothingOrContradictTheCities() {
        assertProblem(edit(r -> area(r, 0).put("feature", "999999")), "names feature \"999999\", which is not in layer");
        assertProblem(edit(r -> ((ArrayNode) area(r, 0).get("cities")).add("atlantis")), "names city \"atlantis\"");
        assertProblem(edit(r -> ((ArrayNode) area(r, 0).get("industries")).add("钢铁")), "names industry \"钢铁\"");
        assertProblem(edit(r -> ((ArrayNode) area(r, 0).get("sources")).add("hearsay")), "cites source \"hearsay\"");
        assertProblem(edit(r -> area(r, 0).put("layer", "projects")), "which is not a plan-area layer");
        assertProblem(edit(r -> area(r, 0).put("colour", "red")), "unknown member(s) [colour]");
        assertProblem(edit(r -> ((ObjectNode) r.get("restrictions").get(0)).put("level", "fatal")),
                "has level \"fatal\"; use conflict, condition or advice");
        assertProblem(edit(r -> ((ObjectNode) r.get("restrictions").get(0)).put("feature", "east")
                .put("layer", "districts")), "names area districts/east, which \"areas\" does not list");
        // the auto city's lead zone no longer meant for it: contradicts cities.json
        assertProblem(edit(r -> {
            for (JsonNode area : r.get("areas")) {
                if (area.get("feature").asString().equals("qikai")) {
                    ((ObjectNode) area).putArray("cities").add("sci-tech");
                }
            }
        }), "has no area dev-zones/qikai meant for city \"automobile\"");
        assertProblem(edit(r -> ((ObjectNode) r.get("constraints").get(0)).put("layer", "projects")),
                "which is not a plan-area layer");
        assertProblem(edit(r -> ((ObjectNode) r.get("constraints").get(0)).remove("sample")), "needs \"sample\"");
        assertProblem(edit(r -> ((ObjectNode) r.get("constraint_kinds").get(0)).putNull("inside")),
                "fires neither inside nor outside");
        assertProblem(edit(r -> ((ObjectNode) r.get("sources").get(0)).remove("quote_en")), "in one language only");
        assertProblem("{", "is not valid JSON");
    }

    private static RuleBook read(String json) {
        return new RulesReader(JSON).read("rules.json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8), specs,
                features, cities);
    }

    private static void assertProblem(String json, String expected) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(GisDataException.class)
                .hasMessageStartingWith("gis-data/rules.json: ").hasMessageContaining(expected);
    }

    private static String edit(Consumer<ObjectNode> change) {
        ObjectNode root = (ObjectNode) JSON.readTree(rules);
        change.accept(root);
        return root.toString();
    }

    private static ObjectNode area(ObjectNode root, int index) {
        return (ObjectNode) root.get("areas").get(index);
    }
}
