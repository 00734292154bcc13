package org.changchun.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.changchun.layout.support.Http;
import org.changchun.layout.support.IndependentLinkCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The service end to end over HTTP, with the real plan data from {@code gis-data/}; run once on
 * each store by the subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PlanServiceTest {

    @LocalServerPort
    int port;

    Http http;

    abstract String expectedStoreKind();

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void listsTheSixCities() {
        JsonNode cities = ok("/api/cities");
        assertThat(texts(cities, "id")).containsExactly(
                "automobile", "agriculture", "dual-carbon", "sci-tech", "consumption", "culture");
        assertThat(texts(cities, "name_zh")).containsExactly(
                "国际汽车城", "现代农业城", "“双碳”示范区", "科技创新城", "新兴消费城", "文化创意城");
        for (JsonNode city : cities) {
            assertThat(city.get("leads")).as(city.get("id").asString()).isNotEmpty();
            assertThat(city.get("colour").asString()).matches("#[0-9a-fA-F]{6}");
        }
    }

    @Test
    void theAutomobileCityIsSupportedByChaoyangLvyuanKuanchengAndGongzhuling() {
        JsonNode summary = find(ok("/api/cities"), "id", "automobile");
        assertThat(texts(summary.get("districts"), "name_zh")).contains("朝阳区", "绿园区", "宽城区", "公主岭市");

        JsonNode city = ok("/api/cities/automobile");
        assertThat(city.get("name_en").asString()).isEqualTo("International Automobile City");
        JsonNode lead = find(city.get("members"), "role", "lead");
        assertThat(lead.get("feature").asString()).isEqualTo("qikai");
        assertThat(lead.get("layer").asString()).isEqualTo("dev-zones");
        assertThat(texts(city.get("districts"), "adcode")).contains("220104", "220106", "220103", "220184");
        JsonNode chaoyang = find(city.get("districts"), "adcode", "220104");
        assertThat(texts(chaoyang.get("via"), "kind")).contains("member");
        assertThat(city.get("targets")).isNotEmpty();
        JsonNode carOutput = find(city.get("targets"), "label_zh", "汽车产量");
        assertThat(carOutput.get("value").asDouble()).isEqualTo(400.0);
        assertThat(carOutput.get("unit_zh").asString()).isEqualTo("万辆");
        assertThat(carOutput.get("year").asInt()).isEqualTo(2026);
    }

    @Test
    void overlayAddsTheDistrictsALeadZoneLiesIn() {
        JsonNode city = ok("/api/cities/automobile");
        List<String> overlaid = new ArrayList<>();
        for (JsonNode district : city.get("districts")) {
            for (JsonNode reason : district.get("via")) {
                if (reason.get("kind").asString().equals("overlay")) {
                    overlaid.add(district.get("adcode").asString());
                    assertThat(reason.get("share_of_member").asDouble()).isBetween(0.05, 1.0);
                    assertThat(reason.get("overlap_km2").asDouble()).isPositive();
                }
            }
        }
        assertThat(overlaid).as("districts the 汽开区 or auto-city zones overlap").isNotEmpty();
    }

    @Test
    void shuangyangSupportsAgricultureDualCarbonAndCulture() {
        JsonNode district = ok("/api/districts/220112/cities");
        assertThat(district.get("name_zh").asString()).isEqualTo("双阳区");
        Set<String> cities = new TreeSet<>(texts(district.get("cities"), "name_zh"));
        assertThat(cities).contains("现代农业城", "“双碳”示范区", "文化创意城");
        assertThat(find(district.get("cities"), "id", "culture").get("role").asString()).isEqualTo("lead");
        assertThat(find(district.get("cities"), "id", "agriculture").get("role").asString()).isEqualTo("support");
    }

    /**
     * Who leads and who supports a city, as DOMAIN.md's table states it, plus the places the seed's
     * paragraphs name beside them (sites, the consumption belt, the provincial corridors and bases):
     * "layer/feature".
     */
    private record StatedRoles(List<String> leads, List<String> supports) {
    }

    private static final Map<String, StatedRoles> DOMAIN_TABLE = Map.of(
            "automobile", new StatedRoles(List.of("dev-zones/qikai"),
                    List.of("districts/220104", "districts/220106", "districts/220103", "districts/220184", "sites/faw",
                            "regional-corridors/siliao-jisong-ring")),
            "agriculture", new StatedRoles(List.of("dev-zones/gongzhuling-agri-hitech"),
                    List.of("districts/220182", "districts/220122", "districts/220183", "agri-belts/west",
                            "districts/220113", "districts/220112", "agri-belts/east",
                            "regional-zones/central-west-grain-belt")),
            "dual-carbon", new StatedRoles(List.of("dev-zones/sino-korea-zone", "dev-zones/mishazi"),
                    List.of("districts/220113", "districts/220112", "dev-zones/lianhuashan", "dev-zones/jingyue",
                            "regional-zones/west-clean-energy-base")),
            "sci-tech", new StatedRoles(List.of("dev-zones/changchun-new-area", "dev-zones/jingkai"),
                    List.of("dev-zones/beihu", "dev-zones/gaoxin", "major-zones/innovation-centre",
                            "corridors/sci-tech-corridor", "sites/guang-gu", "sites/yao-gu", "sites/che-gu",
                            "sites/nong-gu", "sites/shu-gu")),
            "consumption", new StatedRoles(List.of("dev-zones/xinglong-bonded"),
                    List.of("dev-zones/sino-korea-zone", "dev-zones/airport-economy", "districts/220104",
                            "districts/220102", "districts/220103", "districts/220105", "districts/220106",
                            "sites/northern-beauty-valley", "corridors/consumption-belt",
                            "regional-corridors/chang-bai-tong-dan", "regional-corridors/chang-ji-hun")),
            "culture", new StatedRoles(List.of("dev-zones/jingyue", "dev-zones/lianhuashan", "districts/220112"),
                    List.of("sites/changtuo", "sites/changke", "regional-corridors/east-west-tourism-loop")));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"automobile", "agriculture", "dual-carbon", "sci-tech", "consumption", "culture"})
    void everyCityHasTheLeadsAndSupportsThePlanStatesAndOverlapsNeverOverrideThem(String id) {
        StatedRoles stated = DOMAIN_TABLE.get(id);
        JsonNode city = ok("/api/cities/" + id);
        assertThat(members(city, "lead")).as("leads").containsExactlyInAnyOrderElementsOf(stated.leads());
        assertThat(members(city, "support")).as("supports").containsExactlyInAnyOrderElementsOf(stated.supports());

        Map<String, String> namedDistricts = new HashMap<>();
        stated.leads().stream().filter(m -> m.startsWith("districts/"))
                .forEach(m -> namedDistricts.put(m.substring("districts/".length()), "lead"));
        stated.supports().stream().filter(m -> m.startsWith("districts/"))
                .forEach(m -> namedDistricts.put(m.substring("districts/".length()), "support"));
        Map<String, String> expected = new TreeMap<>();
        for (JsonNode district : city.get("districts")) {
            String adcode = district.get("adcode").asString();
            String role = namedDistricts.get(adcode);
            if (role != null) {
                expected.put(adcode, role + "/plan");
            } else {
                expected.put(adcode, "support/derived");
                assertThat(texts(district.get("via"), "kind")).as(adcode + " is there only by overlap")
                        .containsOnly("overlay");
            }
        }
        assertThat(rolesByAdcode(city.get("districts"))).isEqualTo(expected);
        assertThat(expected.keySet()).containsAll(namedDistricts.keySet());
        assertThat(rolesByAdcode(find(ok("/api/cities"), "id", id).get("districts"))).isEqualTo(expected);
        for (Map.Entry<String, String> district : expected.entrySet()) {
            JsonNode role = find(ok("/api/districts/" + district.getKey() + "/cities").get("cities"), "id", id);
            assertThat(role.get("role").asString() + "/" + role.get("basis").asString()).as(district.getKey())
                    .isEqualTo(district.getValue());
        }
    }

    @Test
    void identifyGivesADistrictTheRoleThePlanStatesNotOneItsOverlapsSuggest() {
        JsonNode chaoyang = ok("/api/districts/220104/cities");
        JsonNode inside = chaoyang.get("label_point");
        JsonNode hits = ok("/api/identify?lon=" + inside.get(0).asDouble() + "&lat=" + inside.get(1).asDouble())
                .get("features");
        JsonNode district = find(hits, "id", "220104");
        JsonNode automobile = find(district.get("supports"), "id", "automobile");
        assertThat(automobile.get("role").asString()).as("朝阳 supports the automobile city; 汽开区 leads it")
                .isEqualTo("support");
        assertThat(automobile.get("basis").asString()).isEqualTo("plan");
        JsonNode sciTech = find(district.get("supports"), "id", "sci-tech");
        assertThat(sciTech.get("role").asString() + "/" + sciTech.get("basis").asString()).as(
                "the plan does not name 朝阳 in the sci-tech city: only schematic zones overlap it")
                .isEqualTo("support/derived");
    }

    @Test
    void aFootprintKeepsThePlansAreasApartFromDistrictsDerivedFromOverlaps() {
        JsonNode agriculture = ok("/api/cities/agriculture/footprint").get("features");
        for (String kind : List.of("lead", "support", "footprint")) {
            assertThat(find(agriculture, "id", "agriculture-" + kind).get("properties").get("basis").asString())
                    .as(kind).isEqualTo("plan");
        }
        JsonNode derived = find(agriculture, "id", "agriculture-derived").get("properties");
        assertThat(derived.get("kind").asString()).isEqualTo("derived");
        assertThat(derived.get("basis").asString()).isEqualTo("derived");
        assertThat(texts(derived.get("districts"))).as("公主岭 holds the lead zone, but the plan does not name it")
                .containsExactly("220184");
        assertThat(derived.get("area_km2").asDouble()).isPositive();

        JsonNode automobile = ok("/api/cities/automobile/footprint").get("features");
        JsonNode none = find(automobile, "id", "automobile-derived").get("properties");
        assertThat(texts(none.get("districts"))).as("every district the 汽开区 overlaps is named by the plan")
                .isEmpty();
    }

    @Test
    void theSeedsSitesAndProvincialCorridorsAnswerIdentifyButStayOutOfFootprintsAndLinks() {
        JsonNode atGuangGu = ok("/api/identify?lon=125.405&lat=43.983&layers=sites,dev-zones").get("features");
        assertThat(texts(atGuangGu, "id")).contains("guang-gu", "beihu");
        JsonNode onTheCorridor = ok("/api/identify?lon=125.324&lat=43.887&layers=regional-corridors").get("features");
        assertThat(texts(onTheCorridor, "id")).as("three provincial lines start at the centre of Changchun")
                .contains("chang-ji-hun", "chang-bai-tong-dan", "east-west-tourism-loop");

        JsonNode agriculture = ok("/api/cities/agriculture/footprint").get("features");
        double footprint = find(agriculture, "id", "agriculture-footprint").get("properties").get("area_km2").asDouble();
        assertThat(footprint).as("the provincial grain belt (≈49,000 km²) is context, not part of the city")
                .isLessThan(24_800);
        JsonNode consumption = find(ok("/api/cities/consumption/footprint").get("features"), "id",
                "consumption-support").get("geometry");
        assertThat(consumption.get("type").asString()).as("the belt's polygon, not the corridors' lines")
                .contains("Polygon");

        JsonNode project = ok("/api/projects/p011");
        assertThat(texts(project.get("linked").get("areas"), "layer")).as("no feature is linked to context layers")
                .doesNotContain("regional-zones", "regional-corridors", "sites");
    }

    @Test
    void aProjectsDeclaredCityIsToldApartFromCitiesOfTheAreasItLiesIn() {
        JsonNode battery = ok("/api/projects/p020");
        assertThat(battery.get("properties").get("name_zh").asString()).contains("动力电池");
        JsonNode cities = battery.get("linked").get("cities");
        JsonNode declared = find(cities, "id", "dual-carbon");
        assertThat(declared.get("serves").asBoolean()).isTrue();
        assertThat(declared.get("basis").asString()).isEqualTo("declared");
        JsonNode agriculture = find(cities, "id", "agriculture");
        assertThat(agriculture.get("serves").asBoolean()).isFalse();
        assertThat(agriculture.get("basis").asString()).as("it lies in 德惠, a supporting district of agriculture")
                .isEqualTo("derived");
    }

    @Test
    void listsTheElevenDistricts() {
        JsonNode districts = ok("/api/districts");
        assertThat(districts).hasSize(11);
        assertThat(texts(districts, "adcode")).contains("220102", "220112", "220184");
        JsonNode shuangyang = find(districts, "adcode", "220112");
        assertThat(shuangyang.get("area_km2").asDouble()).isBetween(1600.0, 1700.0);
        assertThat(texts(shuangyang.get("cities"), "id")).contains("agriculture", "dual-carbon", "culture");
    }

    @Test
    void listsEveryPlanLayerWithCountAndExtent() {
        JsonNode layers = ok("/api/layers");
        assertThat(texts(layers, "id")).containsExactly("districts", "agri-belts", "major-zones", "corridors",
                "dev-zones", "regional-zones", "regional-corridors", "sites", "eco-redline-sample", "projects",
                "district-indicators");
        JsonNode districts = find(layers, "id", "districts");
        assertThat(districts.get("feature_count").asInt()).isEqualTo(11);
        assertThat(districts.get("title_zh").asString()).isEqualTo("行政区");
        assertThat(districts.get("kind").asString()).isEqualTo("plan-area");
        assertThat(districts.get("geometry_type").asString()).isEqualTo("MultiPolygon");
        JsonNode extent = districts.get("extent");
        assertThat(extent.get(0).asDouble()).isBetween(123.0, 125.0);
        assertThat(extent.get(3).asDouble()).isBetween(45.0, 46.0);
        assertThat(find(layers, "id", "projects").get("feature_count").asInt()).isGreaterThanOrEqualTo(40);
        assertThat(find(layers, "id", "major-zones").get("accuracy").asString()).isEqualTo("schematic");
        assertThat(ok("/api/layers/projects").get("fields").toString()).contains("investment_cny_100m");
    }

    @Test
    void everyPlanLayerSaysWhereItComesFromAndItsLicenceInChineseAndInEnglish() {
        for (JsonNode layer : ok("/api/layers")) {
            String id = layer.get("id").asString();
            for (String member : List.of("source", "licence")) {
                assertThat(layer.get(member + "_zh").asString()).as(id + " " + member + "_zh").matches(".*\\p{IsHan}.*");
                assertThat(layer.get(member + "_en").asString()).as(id + " " + member + "_en").matches(".*[A-Za-z].*");
                // clients that read the one-language member keep getting the English text
                assertThat(layer.get(member).asString()).as(id + " " + member).isEqualTo(layer.get(member + "_en").asString());
            }
        }
        assertThat(ok("/api/layers/districts").get("licence_zh").asString()).contains("高德").contains("开发");
    }

    /**
     * Paths of the machine the data was prepared on (or of any machine) mean nothing to a planner
     * and tell an attacker about the host: neither the data files nor any answer may carry one.
     */
    @Test
    void neitherTheDataFilesNorAnyAnswerNamesAPathOfAMachine() throws Exception {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("gis-data"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                machinePaths(Files.readString(file)).forEach(path -> found.add(file + ": " + path));
            }
        }
        List<String> answers = new ArrayList<>(List.of("/api/layers", "/api/cities", "/api/districts",
                "/api/map-settings", "/ogc", "/ogc/collections", "/ogc/collections?f=html", "/v3/api-docs"));
        for (JsonNode layer : ok("/api/layers")) {
            String id = layer.get("id").asString();
            answers.addAll(List.of("/api/layers/" + id, "/ogc/collections/" + id, "/ogc/collections/" + id + "/queryables",
                    "/ogc/collections/" + id + "/items?limit=1000"));
        }
        for (JsonNode city : ok("/api/cities")) {
            answers.add("/api/cities/" + city.get("id").asString());
        }
        for (String path : answers) {
            Http.Response response = http.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            machinePaths(response.body()).forEach(machinePath -> found.add(path + ": " + machinePath));
        }
        assertThat(found).isEmpty();
    }

    /** Absolute paths of Linux, macOS and Windows machines (a Windows one as written in JSON too). */
    private static List<String> machinePaths(String text) {
        return MACHINE_PATH.matcher(text).results().map(MatchResult::group).toList();
    }

    private static final Pattern MACHINE_PATH = Pattern.compile(
            "(?<![\\w.])/(work|home|tmp|root|Users|var|opt|mnt|srv)/[^\\s\"',;)]*|\\b[A-Za-z]:(\\\\){1,2}[^\\s\"',;)]+");

    @Test
    void everyProjectIsLinkedExactlyAsAnIndependentPostgisCheckFinds() throws Exception {
        Map<String, Set<String>> expected = IndependentLinkCheck.expectedProjectLinks(Path.of("gis-data"));
        assertThat(expected).hasSizeGreaterThanOrEqualTo(40);
        for (Map.Entry<String, Set<String>> project : expected.entrySet()) {
            JsonNode linked = ok("/api/projects/" + project.getKey()).get("linked");
            Set<String> actual = new TreeSet<>();
            linked.get("districts").forEach(d ->
                    actual.add("districts/" + d.get("adcode").asString() + "/" + d.get("relation").asString()));
            linked.get("areas").forEach(a -> actual.add(a.get("layer").asString() + "/" + a.get("id").asString()
                    + "/" + a.get("relation").asString()));
            assertThat(actual).as("links of project " + project.getKey()).isEqualTo(project.getValue());
        }
    }

    @Test
    void aProjectIsAGeoJsonFeatureWithItsDistrictsZonesAndCities() {
        Http.Response response = http.get("/api/projects/p001");
        assertThat(response.status()).isEqualTo(200);
        JsonNode project = response.json();
        assertThat(project.get("type").asString()).isEqualTo("Feature");
        assertThat(project.get("id").asString()).isEqualTo("p001");
        assertThat(project.get("properties").get("sample").asBoolean()).isTrue();
        assertThat(project.get("geometry").get("type").asString()).isIn("Point", "Polygon", "MultiPolygon");
        assertThat(project.get("geometry").has("crs")).isFalse();
        JsonNode linked = project.get("linked");
        assertThat(linked.get("districts")).isNotEmpty();
        String served = project.get("properties").get("city").asString();
        assertThat(find(linked.get("cities"), "id", served).get("serves").asBoolean()).isTrue();
    }

    @Test
    void unknownIdsAnswer404WithAProblemDocument() {
        for (String path : List.of("/api/cities/atlantis", "/api/districts/999999/cities", "/api/projects/p999",
                "/api/layers/nope", "/api/nothing-here")) {
            Http.Response response = http.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.get("status").asInt()).isEqualTo(404);
            assertThat(problem.get("error").asString()).isEqualTo("Not Found");
            assertThat(problem.get("message").asString()).as(path).isNotBlank();
        }
        assertThat(http.get("/api/cities/atlantis").json().get("message").asString())
                .isEqualTo("找不到城市“atlantis” / no city with id 'atlantis'");
    }

    @Test
    void healthReportsTheStoreAndItsReachability() {
        JsonNode health = ok("/actuator/health");
        assertThat(health.get("status").asString()).isEqualTo("UP");
        JsonNode store = health.get("components").get("store");
        assertThat(store.get("status").asString()).isEqualTo("UP");
        assertThat(store.get("details").get("kind").asString()).isEqualTo(expectedStoreKind());
        assertThat(store.get("details").get("layers").asInt()).as("the plan's ten and the districts' figures")
                .isEqualTo(11);
        assertThat(store.get("details").has("responseMillis")).isTrue();
    }

    @Test
    void documentsTheApiInOpenApi() {
        JsonNode api = ok("/v3/api-docs");
        assertThat(api.get("openapi").asString()).startsWith("3.");
        assertThat(api.get("paths").propertyNames()).contains("/api/cities", "/api/cities/{id}", "/api/districts",
                "/api/districts/{adcode}/cities", "/api/layers", "/api/projects/{id}");
        assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void servesThePageAtTheRoot() {
        Http.Response page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("长春市空间布局服务");
    }

    private JsonNode ok(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path + " → " + response.body()).isEqualTo(200);
        return response.json();
    }

    /** The members of a city with a role, as "layer/feature", or the name of a place without geometry. */
    private static List<String> members(JsonNode city, String role) {
        List<String> members = new ArrayList<>();
        for (JsonNode member : city.get("members")) {
            if (member.get("role").asString().equals(role)) {
                members.add(member.has("layer")
                        ? member.get("layer").asString() + "/" + member.get("feature").asString()
                        : member.get("name_zh").asString());
            }
        }
        return members;
    }

    /** adcode → "role/basis" of each district of a list. */
    private static Map<String, String> rolesByAdcode(JsonNode districts) {
        Map<String, String> roles = new TreeMap<>();
        districts.forEach(d -> roles.put(d.get("adcode").asString(), d.get("role").asString() + "/"
                + d.get("basis").asString()));
        return roles;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }

    private static List<String> texts(JsonNode array, String member) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(member).asString()));
        return values;
    }

    private static JsonNode find(JsonNode array, String member, String value) {
        for (JsonNode node : array) {
            if (node.get(member) != null && node.get(member).asString().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no element with " + member + " = " + value + " in " + array);
    }
}
