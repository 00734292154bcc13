package org.changchun.layout.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.shapefile.GdalShapefiles;
import org.changchun.layout.shapefile.ShapefileSet;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.WriteProgress;
import org.changchun.layout.support.Http;
import org.changchun.layout.support.IndependentLinkCheck;
import org.changchun.layout.support.TestPostgis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The compliance review over HTTP with the real plan data and rules, on each store (subclasses):
 * fixture sites get the verdicts the rules give, overlap areas and distances are those PostGIS
 * measures on the spheroid from the raw GeoJSON, bad input is refused saying what to fix, and a
 * check writes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "plan.security.users[0].name=editor",
    "plan.security.users[0].password={noop}editor-secret",
    "plan.security.users[0].roles=EDITOR",
    "plan.security.users[1].name=admin",
    "plan.security.users[1].password={noop}admin-secret",
    "plan.security.users[1].roles=ADMIN"})
abstract class ComplianceTest {

    static final String EDITOR = Http.basic("editor", "editor-secret");
    static final String ADMIN = Http.basic("admin", "admin-secret");
    /** Around the centre of the automobile development zone (汽开区). */
    static final String IN_QIKAI = square(125.229, 43.856, 125.241, 43.864);
    /** In Nong'an county, in the west grain-security belt. */
    static final String IN_WEST_BELT = square(125.10, 44.40, 125.14, 44.43);
    /** Across the boundary of Nanguan and Erdao, in the Jingkai zone, over the sample project p032. */
    static final String ACROSS_TWO_DISTRICTS = square(125.409, 43.838, 125.432, 43.852);
    /** Over the west edge of the sample red line around the Jingyuetan forest. */
    static final String ON_THE_RED_LINE = square(125.40, 43.76, 125.45, 43.79);

    private static TestPostgis.Database raw;

    @LocalServerPort
    int port;

    @Autowired
    FeatureStore store;

    Http http;

    @TempDir
    Path temp;

    @BeforeAll
    static void rawPlanInPostgis() throws Exception {
        raw = IndependentLinkCheck.raw(Path.of("gis-data"));
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aCarFactoryInTheAutoCityIsCompliant() {
        JsonNode review = check(IN_QIKAI, "automobile", "新装备");
        assertThat(review.get("verdict").asString()).isEqualTo("compliant");
        assertThat(review.get("verdict_zh").asString()).isEqualTo("符合");
        assertThat(review.get("rules")).isEmpty();
        assertThat(review.get("city_share_pct").asDouble()).isEqualTo(100.0);
        JsonNode qikai = area(review, "dev-zones", "qikai");
        assertThat(qikai.get("serves_city").asBoolean()).isTrue();
        assertThat(qikai.get("share_pct").asDouble()).isEqualTo(100.0);
        assertThat(qikai.get("geometry").get("type").asString()).isEqualTo("Polygon");
        assertThat(review.get("declared").get("city_name_zh").asString()).isEqualTo("国际汽车城");
        assertThat(review.get("rules_checksum").asString()).startsWith("sha256:");

        JsonNode point = check("{\"type\":\"Point\",\"coordinates\":[125.235,43.86]}", "automobile", "New equipment");
        assertThat(point.get("verdict").asString()).isEqualTo("compliant");
        assertThat(area(point, "dev-zones", "qikai").get("share_pct").asDouble()).isEqualTo(100.0);
    }

    @Test
    void heavyIndustryInTheWestGrainBeltIsConditionalCitingThePlan() {
        JsonNode review = check(IN_WEST_BELT, "agriculture", "新装备");
        assertThat(review.get("verdict").asString()).isEqualTo("conditional");
        JsonNode rule = rule(review, "restriction:west-belt-manufacturing");
        assertThat(rule.get("level").asString()).isEqualTo("condition");
        assertThat(rule.get("level_zh").asString()).isEqualTo("有条件");
        assertThat(rule.get("source").get("id").asString()).isEqualTo("seed-agriculture");
        assertThat(rule.get("source").get("quote_zh").asString()).contains("打造长春西部粮食安全产业带");
        assertThat(rule.get("source").get("document_zh").asString()).contains("第十四次党代会报告");
        assertThat(rule.get("message_zh").asString()).contains("粮食安全");

        assertThat(check(IN_WEST_BELT, "agriculture", "新农业").get("verdict").asString()).isEqualTo("compliant");

        // an automobile project there: not where the plan puts that city, and a factory in the grain belt
        JsonNode elsewhere = check(IN_WEST_BELT, "automobile", "新装备");
        assertThat(elsewhere.get("verdict").asString()).isEqualTo("conditional");
        assertThat(ids(elsewhere.get("rules"))).containsExactly("city-outside", "restriction:west-belt-manufacturing");
        assertThat(elsewhere.get("city_share_pct").asDouble()).isZero();
    }

    @Test
    void aSiteAcrossTwoDistrictsListsBothWithSharesThatAddUpToTheWholeSite() {
        JsonNode review = check(ACROSS_TWO_DISTRICTS, "consumption", null);
        List<JsonNode> districts = areas(review, "districts");
        assertThat(districts).extracting(d -> d.get("feature").asString()).containsExactly("220102", "220105");
        double shares = districts.stream().mapToDouble(d -> d.get("share_pct").asDouble()).sum();
        assertThat(shares).isCloseTo(100, within(0.1));
        double m2 = districts.stream().mapToDouble(d -> d.get("overlap_m2").asDouble()).sum();
        assertThat(m2).isCloseTo(review.get("site").get("area_m2").asDouble(), within(review.get("site").get("area_m2")
                .asDouble() * 0.001));
        assertThat(review.get("projects")).extracting(p -> p.get("id").asString()).containsExactly("p032");
        assertThat(review.get("projects").get(0).get("overlap_m2").asDouble()).isPositive();
    }

    @Test
    void overlapAreasAreThoseOfPostgisOnTheSpheroid() throws Exception {
        int compared = 0;
        for (String site : List.of(ACROSS_TWO_DISTRICTS, IN_WEST_BELT, ON_THE_RED_LINE, IN_QIKAI)) {
            Map<String, Double> expected = postgisOverlaps(site);
            JsonNode review = check(site, "consumption", null);
            assertThat(review.get("site").get("area_m2").asDouble()).as("site area")
                    .isCloseTo(postgisArea(site), within(postgisArea(site) * 0.001));
            for (JsonNode area : review.get("areas")) {
                String key = area.get("layer").asString() + "/" + area.get("feature").asString();
                assertThat(expected).as("PostGIS finds " + key).containsKey(key);
                assertThat(area.get("overlap_m2").asDouble()).as(key)
                        .isCloseTo(expected.get(key), within(expected.get(key) * 0.001));
                compared++;
            }
            assertThat(review.get("areas").size()).as("every area PostGIS finds").isEqualTo(expected.size());
        }
        assertThat(compared).isGreaterThan(10);
    }

    @Test
    void aSiteOutsideItsCitysAreasNamesTheNearestOneAtTheDistancePostgisMeasures() throws Exception {
        JsonNode review = check(IN_WEST_BELT, "automobile", null);
        JsonNode nearest = review.get("nearest");
        assertThat(nearest.get("layer").asString() + "/" + nearest.get("feature").asString()).isEqualTo("districts/220103");
        double expected = postgisDistance(IN_WEST_BELT, "districts", "220103");
        assertThat(nearest.get("distance_m").asDouble()).isCloseTo(expected, within(expected * 0.01));
        assertThat(rule(review, "city-outside").get("message_zh").asString()).contains("宽城区").contains("公里");
        assertThat(rule(review, "city-outside").get("source").get("id").asString()).isEqualTo("seed-automobile");
        assertThat(check(IN_QIKAI, "automobile", null).has("nearest")).isFalse();
    }

    @Test
    void aSiteInTheSampleRedLineIsNonCompliantAndSaysItIsASample() {
        JsonNode review = check(ON_THE_RED_LINE, "culture", "新旅游");
        assertThat(review.get("verdict").asString()).isEqualTo("non-compliant");
        JsonNode rule = rule(review, "constraint:eco-redline-sample:inside");
        assertThat(rule.get("level").asString()).isEqualTo("conflict");
        assertThat(rule.get("sample").asBoolean()).isTrue();
        assertThat(rule.get("message_zh").asString()).contains("示意，不具法律效力");
        assertThat(rule.get("source").get("document_zh").asString()).contains("三条控制线");
        JsonNode line = area(review, "eco-redline-sample", "jingyuetan-forest");
        assertThat(line.get("sample").asBoolean()).isTrue();
        assertThat(line.get("accuracy").asString()).isEqualTo("schematic");
        assertThat(line.get("note_zh").asString()).isEqualTo("示意，不具法律效力");
        assertThat(line.get("constraint").asString()).isEqualTo("ecological-red-line");
        assertThat(review.get("notes").toString()).contains("示意，不具法律效力");
    }

    @Test
    void anInvalidPolygonIsRepairedAndTheAnswerSaysSo() {
        // a shell with a hole lying outside it
        String invalid = "{\"type\":\"Polygon\",\"coordinates\":[[[125.229,43.856],[125.241,43.856],[125.241,43.864],"
                + "[125.229,43.864],[125.229,43.856]],[[125.25,43.87],[125.252,43.87],[125.252,43.872],[125.25,43.87]]]}";
        JsonNode review = check(invalid, "automobile", "新装备");
        assertThat(review.get("notes").get(0).get("code").asString()).isEqualTo("repaired");
        assertThat(review.get("notes").get(0).get("message_zh").asString()).contains("已自动修复");
        assertThat(review.get("site").get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
        // a ring that touches itself at a vertex: repaired too
        String touching = "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[125.229,43.856],[125.241,43.856],[125.235,43.860],[125.241,43.864],[125.229,43.864],"
                + "[125.235,43.860],[125.229,43.856]]]}}";
        assertThat(check(touching, "automobile", null).get("notes").get(0).get("code").asString()).isEqualTo("repaired");
    }

    @Test
    void badSitesAndNamesGetA400SayingWhatToFix() {
        Map<String, String> sites = new LinkedHashMap<>();
        sites.put("{\"type\":\"Polygon\",\"coordinates\":[[[125.30,43.85],[125.35,43.90],[125.35,43.85],[125.30,43.90],"
                + "[125.30,43.85]]]}", "自相交");
        sites.put("{\"type\":\"Polygon\",\"coordinates\":[]}", "为空");
        sites.put("{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}", "为空");
        sites.put("{\"type\":\"Point\",\"coordinates\":[116.40,39.90]}", "不在长春市域内");
        sites.put("{\"type\":\"Point\",\"coordinates\":[43.86,125.235]}", "经纬度");
        sites.put("{\"type\":\"LineString\",\"coordinates\":[[125.3,43.8],[125.4,43.9]]}", "点（Point）或面");
        sites.put("{\"type\":\"Polygon\",\"coordinates\":[[[125.3,43.8],[125.4,43.8],[125.4,43.9]]]}", "无法读取");
        sites.put("{\"type\":\"FeatureCollection\",\"features\":[]}", "一次审查一个场地");
        sites.forEach((site, message) -> {
            Http.Response answer = http.send("POST", "/api/compliance/check?city=automobile", site, "application/json");
            assertThat(answer.status()).as(site + " → " + answer.body()).isEqualTo(400);
            assertThat(answer.json().get("message_zh").asString()).as(site).contains(message);
            assertThat(answer.json().get("message_en").asString()).as(site).isNotBlank();
        });
        Map<String, String> questions = Map.of(
                "/api/compliance/check?city=atlantis", "automobile",
                "/api/compliance/check", "city",
                "/api/compliance/check?city=automobile&industry=" + encode("钢铁"), "新能源");
        questions.forEach((path, listed) -> {
            Http.Response answer = http.send("POST", path, IN_QIKAI, "application/json");
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.json().get("message_en").asString()).as(path).contains(listed);
        });
        for (String path : List.of("/api/compliance/projects?source=atlantis", "/api/compliance/conflicts?layer=atlantis"
                + "&against=districts", "/api/compliance/conflicts?layer=districts", "/api/compliance/projects?verdict=maybe",
                "/api/compliance/projects?format=xml", "/api/compliance/projects?city_field=nothing",
                "/api/compliance/conflicts?layer=districts&against=corridors&format=shp")) {
            Http.Response answer = http.get(path);
            assertThat(answer.status()).as(path + " → " + answer.body()).isEqualTo(400);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
        }
        assertThat(http.get("/api/compliance/projects?source=atlantis").json().get("message_en").asString())
                .contains("atlantis").contains("districts").contains("projects");
        assertThat(http.get("/api/compliance/projects/nothing-here").status()).isEqualTo(404);
    }

    @Test
    void aCheckWritesNothing() {
        String layersBefore = http.get("/api/layers").body();
        int auditBefore = http.send("GET", "/api/admin/audit?limit=1000", null, null, "Authorization", ADMIN).json().size();
        check(IN_QIKAI, "automobile", "新装备");
        check(ON_THE_RED_LINE, "culture", null);
        http.send("POST", "/api/compliance/check?city=automobile", "{\"type\":\"Point\",\"coordinates\":[1,2]}",
                "application/json");
        http.get("/api/compliance/projects");
        assertThat(http.get("/api/layers").body()).as("no layer written: data versions unchanged").isEqualTo(layersBefore);
        assertThat(http.send("GET", "/api/admin/audit?limit=1000", null, null, "Authorization", ADMIN).json().size())
                .as("a check is a read, not an audited write").isEqualTo(auditBefore);
    }

    @Test
    void theWholeLibraryIsReviewedAsJsonAndCsv() {
        JsonNode batch = ok("/api/compliance/projects");
        JsonNode summary = batch.get("summary");
        assertThat(summary.get("total").asInt()).isEqualTo(48);
        assertThat(summary.get("compliant").asInt() + summary.get("conditional").asInt()
                + summary.get("non_compliant").asInt()).isEqualTo(48);
        assertThat(batch.get("reviews")).hasSize(48);
        JsonNode first = batch.get("reviews").get(0);
        assertThat(first.get("site").get("id").asString()).isEqualTo("p001");
        assertThat(first.get("site").has("geometry")).as("no geometry in a batch").isFalse();
        assertThat(first.get("areas").get(0).has("geometry")).isFalse();
        // the projects lying in the sample red line are the non-compliant ones, and never overlap themselves
        JsonNode nonCompliant = ok("/api/compliance/projects?verdict=non-compliant").get("reviews");
        assertThat(nonCompliant).extracting(r -> r.get("site").get("id").asString()).containsExactly("p043", "p044");
        for (JsonNode review : batch.get("reviews")) {
            assertThat(review.get("projects").toString()).doesNotContain("\"" + review.get("site").get("id").asString() + "\"");
        }
        assertThat(ok("/api/compliance/projects?verdict=" + encode("不符合,有条件符合")).get("reviews").size())
                .isEqualTo(summary.get("conditional").asInt() + summary.get("non_compliant").asInt());

        Http.Response csv = http.get("/api/compliance/projects?format=csv&verdict=non-compliant");
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFF" + String.join(",", ReviewTable.HEADER));
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("p043,").contains("non-compliant,不符合").contains("conflict constraint:eco-redline-sample:inside")
                .contains("示意，不具法律效力");
    }

    @Test
    void oneProjectIsReviewedWithItsOwnCityOrOneToTry() {
        JsonNode own = ok("/api/compliance/projects/p043");
        assertThat(own.get("site").get("id").asString()).isEqualTo("p043");
        assertThat(own.get("declared").get("city").asString()).isEqualTo("culture");
        assertThat(own.get("verdict").asString()).isEqualTo("non-compliant");
        assertThat(own.get("site").get("geometry").get("type").asString()).isEqualTo("Polygon");
        JsonNode tried = ok("/api/compliance/projects/p001?city=agriculture");
        assertThat(tried.get("declared").get("city").asString()).isEqualTo("agriculture");
        assertThat(tried.get("declared").get("industry").asString()).as("the record's industry kept").isEqualTo("新能源");
        assertThat(ids(tried.get("rules"))).contains("city-outside");
        assertThat(http.get("/api/compliance/projects/p001?industry=steel").status()).isEqualTo(400);
    }

    @Test
    void anImportedLayerOfSitesIsReviewedFromItsFields() {
        List<FieldSpec> fields = List.of(new FieldSpec("名称", FieldType.STRING, null, null),
                new FieldSpec("所属城", FieldType.STRING, null, null), new FieldSpec("产业", FieldType.STRING, null, null));
        List<Feature> sites = List.of(
                site("1", Map.of("名称", "汽车零部件厂", "所属城", "国际汽车城", "产业", "新装备"), IN_QIKAI),
                site("2", Map.of("名称", "农机厂", "所属城", "agriculture", "产业", "New equipment"), IN_WEST_BELT),
                site("3", Map.of("名称", "不明项目", "所属城", "钢铁城", "产业", "钢铁"), ACROSS_TWO_DISTRICTS));
        store.writeLayer(new LayerSpec(new LayerDescription("test-sites", LayerKind.IMPORTED, "拟选址", "Proposed sites",
                null, null, "test", "as delivered", null), fields, "test"), sites.iterator(), WriteProgress.NONE);

        JsonNode batch = ok("/api/compliance/projects?source=test-sites&city_field=" + encode("所属城")
                + "&industry_field=" + encode("产业"));
        JsonNode reviews = batch.get("reviews");
        assertThat(batch.get("source").asString()).isEqualTo("test-sites");
        assertThat(reviews).extracting(r -> r.get("verdict").asString())
                .containsExactly("compliant", "conditional", "conditional");
        assertThat(reviews.get(0).get("site").get("name_zh").asString()).isEqualTo("汽车零部件厂");
        assertThat(reviews.get(1).get("declared").get("industry").asString()).isEqualTo("新装备");
        assertThat(ids(reviews.get(2).get("rules"))).containsExactly("city-undeclared");
        assertThat(rule(reviews.get(2), "city-undeclared").get("message_zh").asString()).contains("钢铁城");
        assertThat(reviews.get(2).get("notes").toString()).contains("industry-unknown");
        // without the field names, the layer has no "city" field: every site declares nothing
        assertThat(ok("/api/compliance/projects?source=test-sites").get("summary").get("conditional").asInt())
                .isEqualTo(3);
        assertThat(http.get("/api/compliance/projects?source=test-sites&city_field=city").status()).isEqualTo(400);
    }

    @Test
    void conflictsBetweenLayersAreTheOverlapsPostgisFinds() throws Exception {
        JsonNode conflicts = ok("/api/compliance/conflicts?layer=dev-zones&against=agri-belts");
        assertThat(conflicts.get("type").asString()).isEqualTo("FeatureCollection");
        Map<String, Double> expected = postgisPairs("dev-zones", "agri-belts");
        assertThat(conflicts.get("count").asInt()).isEqualTo(expected.size()).isPositive();
        double previous = Double.MAX_VALUE;
        for (JsonNode pair : conflicts.get("features")) {
            JsonNode properties = pair.get("properties");
            String key = properties.get("feature").asString() + "|" + properties.get("against_feature").asString();
            assertThat(pair.get("id").asString()).isEqualTo(key);
            assertThat(properties.get("overlap_m2").asDouble()).as(key)
                    .isCloseTo(expected.get(key), within(expected.get(key) * 0.001));
            assertThat(properties.get("overlap_m2").asDouble()).as("biggest first").isLessThanOrEqualTo(previous);
            previous = properties.get("overlap_m2").asDouble();
            assertThat(pair.get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");
        }
        JsonNode redLine = ok("/api/compliance/conflicts?layer=dev-zones&against=eco-redline-sample");
        assertThat(redLine.get("level").asString()).isEqualTo("conflict");
        assertThat(redLine.get("sample").asBoolean()).isTrue();
        assertThat(redLine.get("note_zh").asString()).isEqualTo("示意，不具法律效力");
        assertThat(redLine.get("features").get(0).get("properties").get("share_of_against_pct").asDouble())
                .isCloseTo(100, within(0.01));

        JsonNode self = ok("/api/compliance/conflicts?layer=dev-zones&against=dev-zones");
        List<String> pairs = new ArrayList<>();
        self.get("features").forEach(f -> pairs.add(f.get("id").asString()));
        assertThat(pairs).contains("changchun-new-area|gaoxin").doesNotContain("gaoxin|changchun-new-area")
                .noneMatch(p -> p.split("\\|")[0].equals(p.split("\\|")[1]));

        String csv = http.get("/api/compliance/conflicts?layer=dev-zones&against=agri-belts&format=csv").body();
        assertThat(csv.split("\r\n")).hasSize(1 + expected.size());
        assertThat(csv).startsWith("\uFEFFlayer,feature,name_zh").contains("POLYGON").doesNotContain("E7");
    }

    @Test
    void editorsMarkAnImportedLayerAsAConstraintAndReviewsFollowIt() {
        store.writeLayer(new LayerSpec(new LayerDescription("test-farmland", LayerKind.IMPORTED, "基本农田（测试）",
                "Farmland (test)", null, null, "test", "as delivered", null), List.of(), "test"),
                List.of(site("f1", Map.of(), square(125.05, 44.35, 125.20, 44.48))).iterator(), WriteProgress.NONE);
        String body = "{\"kind\":\"basic-farmland\"}";
        assertThat(http.send("PUT", "/api/compliance/constraints/test-farmland", body, "application/json").status())
                .as("anonymous").isEqualTo(401);
        Http.Response marked = http.send("PUT", "/api/compliance/constraints/test-farmland", body, "application/json",
                "Authorization", EDITOR);
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat(marked.json().get("inside").asString()).isEqualTo("conflict");
        assertThat(marked.json().get("origin").asString()).isEqualTo("marked");
        assertThat(marked.json().get("marked_by").asString()).isEqualTo("editor");
        try {
            assertThat(ok("/api/compliance/constraints").toString()).contains("test-farmland").contains("eco-redline-sample");
            JsonNode factory = check(IN_WEST_BELT, "agriculture", "新装备");
            assertThat(factory.get("verdict").asString()).isEqualTo("non-compliant");
            assertThat(rule(factory, "constraint:test-farmland:inside").get("source").get("id").asString())
                    .isEqualTo("land-administration-law-35");
            assertThat(check(IN_WEST_BELT, "agriculture", "新农业").get("verdict").asString())
                    .as("farming is permitted on farmland").isEqualTo("compliant");
            JsonNode conflicts = ok("/api/compliance/conflicts?layer=agri-belts&against=test-farmland");
            assertThat(conflicts.get("level").asString()).isEqualTo("conflict");

            Http.Response boundary = http.send("PUT", "/api/compliance/constraints/test-farmland",
                    "{\"kind\":\"urban-development-boundary\",\"inside\":\"none\",\"outside\":\"conflict\"}",
                    "application/json", "Authorization", EDITOR);
            assertThat(boundary.status()).as(boundary.body()).isEqualTo(200);
            JsonNode outside = check(IN_QIKAI, "automobile", "新装备");
            assertThat(rule(outside, "constraint:test-farmland:outside").get("level").asString()).isEqualTo("conflict");
            assertThat(check(IN_WEST_BELT, "agriculture", "新装备").toString())
                    .doesNotContain("constraint:test-farmland");
        } finally {
            assertThat(http.send("DELETE", "/api/compliance/constraints/test-farmland", null, null, "Authorization",
                    EDITOR).status()).isEqualTo(204);
        }
        assertThat(check(IN_WEST_BELT, "agriculture", "新装备").get("verdict").asString()).isEqualTo("conditional");
        assertThat(http.send("DELETE", "/api/compliance/constraints/test-farmland", null, null, "Authorization",
                EDITOR).status()).isEqualTo(404);
        Map<String, Integer> refusals = Map.of(
                "/api/compliance/constraints/districts|{\"kind\":\"basic-farmland\"}", 409,
                "/api/compliance/constraints/atlantis|{\"kind\":\"basic-farmland\"}", 404,
                "/api/compliance/constraints/test-farmland|{\"kind\":\"swamp\"}", 400,
                "/api/compliance/constraints/test-farmland|{\"kind\":\"basic-farmland\",\"inside\":\"none\"}", 400,
                "/api/compliance/constraints/test-farmland|{\"kind\":\"basic-farmland\",\"inside\":\"maybe\"}", 400,
                "/api/compliance/constraints/test-farmland|{\"kind\":\"basic-farmland\",\"permitted_industries\":[\"钢铁\"]}", 400);
        refusals.forEach((request, status) -> {
            String[] parts = request.split("\\|", 2);
            Http.Response answer = http.send("PUT", parts[0], parts[1], "application/json", "Authorization", EDITOR);
            assertThat(answer.status()).as(request + " → " + answer.body()).isEqualTo(status);
        });
    }

    @Test
    void aSiteDrawnInAShapefileIsCheckedLikeGeoJson() throws Exception {
        ShapefileSet set = GdalShapefiles.write(temp.resolve("site"), "site", "{\"type\":\"FeatureCollection\","
                + "\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"a\"},\"geometry\":" + IN_WEST_BELT
                + "}]}", "-t_srs", "EPSG:4530");
        Path zip = GdalShapefiles.zip(temp.resolve("site.zip"), StandardCharsets.UTF_8,
                List.of("site.shp", "site.shx", "site.dbf", "site.prj"),
                List.of(set.shp(), set.shx(), set.dbf(), set.prj().orElseThrow()));
        Http.Response answer = http.upload("/api/compliance/check/shapefile", "site.zip", Files.readAllBytes(zip),
                Map.of("city", "agriculture", "industry", "新装备"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode fromShapefile = answer.json();
        JsonNode fromGeoJson = check(IN_WEST_BELT, "agriculture", "新装备");
        assertThat(fromShapefile.get("verdict").asString()).isEqualTo(fromGeoJson.get("verdict").asString());
        assertThat(fromShapefile.get("site").get("area_m2").asDouble())
                .isCloseTo(fromGeoJson.get("site").get("area_m2").asDouble(), within(1000.0));
        assertThat(ids(fromShapefile.get("rules"))).isEqualTo(ids(fromGeoJson.get("rules")));

        Http.Response notZip = http.upload("/api/compliance/check/shapefile", "site.zip", "not a zip".getBytes(),
                Map.of("city", "agriculture"));
        assertThat(notZip.status()).isEqualTo(400);
        assertThat(notZip.json().get("message_zh").asString()).contains("zip");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private JsonNode check(String site, String city, String industry) {
        String path = "/api/compliance/check?city=" + encode(city) + (industry == null ? "" : "&industry=" + encode(industry));
        Http.Response answer = http.send("POST", path, site, "application/geo+json");
        assertThat(answer.status()).as(path + " " + site + " → " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode ok(String path) {
        Http.Response answer = http.get(path);
        assertThat(answer.status()).as(path + " → " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode area(JsonNode review, String layer, String feature) {
        for (JsonNode area : review.get("areas")) {
            if (area.get("layer").asString().equals(layer) && area.get("feature").asString().equals(feature)) {
                return area;
            }
        }
        throw new AssertionError("no area " + layer + "/" + feature + " in " + review.get("areas"));
    }

    private static List<JsonNode> areas(JsonNode review, String layer) {
        List<JsonNode> found = new ArrayList<>();
        review.get("areas").forEach(a -> {
            if (a.get("layer").asString().equals(layer)) {
                found.add(a);
            }
        });
        return found;
    }

    private static JsonNode rule(JsonNode review, String id) {
        for (JsonNode rule : review.get("rules")) {
            if (rule.get("id").asString().equals(id)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + id + " fired: " + review.get("rules"));
    }

    private static List<String> ids(JsonNode rules) {
        List<String> ids = new ArrayList<>();
        rules.forEach(r -> ids.add(r.get("id").asString()));
        return ids;
    }

    static String square(double x0, double y0, double x1, double y1) {
        return String.format(java.util.Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],"
                + "[%s,%s],[%s,%s]]]}", x0, y0, x1, y0, x1, y1, x0, y1, x0, y0);
    }

    private static Feature site(String id, Map<String, Object> properties, String geoJson) {
        try {
            Geometry geometry = new org.locationtech.jts.io.geojson.GeoJsonReader().read(geoJson);
            geometry.setSRID(4326);
            return new Feature(id, properties, geometry);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** layer/feature → m² of the site's overlap with every raw plan polygon, by PostGIS on the spheroid. */
    private static Map<String, Double> postgisOverlaps(String site) throws Exception {
        try (Connection connection = raw.connect(); PreparedStatement query = connection.prepareStatement("""
                SELECT layer, id, ST_Area(ST_Intersection(geom, s.g)::geography)
                FROM raw, (SELECT ST_SetSRID(ST_GeomFromGeoJSON(?), 4326) AS g) s
                WHERE kind = 'plan-area' AND ST_Intersects(geom, s.g)
                  AND ST_Area(ST_Intersection(geom, s.g)::geography) > 0""")) {
            query.setString(1, site);
            Map<String, Double> areas = new LinkedHashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    areas.put(rows.getString(1) + "/" + rows.getString(2), rows.getDouble(3));
                }
            }
            return areas;
        }
    }

    private static double postgisArea(String site) throws Exception {
        return single("SELECT ST_Area(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)::geography)", site);
    }

    private static double postgisDistance(String site, String layer, String feature) throws Exception {
        try (Connection connection = raw.connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT ST_Distance(geom::geography, ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)::geography) FROM raw "
                        + "WHERE layer = ? AND id = ?")) {
            query.setString(1, site);
            query.setString(2, layer);
            query.setString(3, feature);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getDouble(1);
            }
        }
    }

    private static double single(String sql, String site) throws Exception {
        try (Connection connection = raw.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, site);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getDouble(1);
            }
        }
    }

    /** feature|against_feature → m² of every overlapping pair of two raw layers. */
    private static Map<String, Double> postgisPairs(String layer, String against) throws Exception {
        try (Connection connection = raw.connect(); PreparedStatement query = connection.prepareStatement("""
                SELECT a.id, b.id, ST_Area(ST_Intersection(a.geom, b.geom)::geography)
                FROM raw a JOIN raw b ON ST_Intersects(a.geom, b.geom)
                WHERE a.layer = ? AND b.layer = ? AND ST_Area(ST_Intersection(a.geom, b.geom)::geography) > 0""")) {
            query.setString(1, layer);
            query.setString(2, against);
            Map<String, Double> pairs = new LinkedHashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pairs.put(rows.getString(1) + "|" + rows.getString(2), rows.getDouble(3));
                }
            }
            return pairs;
        }
    }
}
