package org.changchun.layout.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.changchun.layout.support.Http;
import org.changchun.layout.support.IndependentLinkCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The coverage questions over HTTP with the real plan data, checked against answers PostGIS gives
 * directly from the raw GeoJSON; run on each store by the subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class CoverageTest {

    private static Map<String, Set<String>> expectedLinks;

    @LocalServerPort
    int port;

    Http http;

    @BeforeAll
    static void independentAnswers() throws Exception {
        expectedLinks = IndependentLinkCheck.expectedProjectLinks(Path.of("gis-data"));
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void projectsInsideOrTouchingAZoneAreThoseAnIndependentCheckFinds() {
        for (String[] zone : List.of(new String[] {"major-zones", "auto-city"}, new String[] {"dev-zones", "qikai"},
                new String[] {"districts", "220112"}, new String[] {"agri-belts", "west"},
                new String[] {"corridors", "sci-tech-corridor"})) {
            String area = "layer=" + zone[0] + "&feature=" + zone[1];
            assertThat(ids(ok("/api/coverage/projects?" + area))).as("within " + zone[1])
                    .isEqualTo(expected(zone[0] + "/" + zone[1] + "/within"));
            assertThat(ids(ok("/api/coverage/projects?mode=intersects&" + area))).as("intersecting " + zone[1])
                    .isEqualTo(expected(zone[0] + "/" + zone[1] + "/"));
        }
    }

    @Test
    void projectsNearAZoneAreThoseWithinTheDistanceOnTheSpheroid() throws Exception {
        Set<String> near = ids(ok("/api/coverage/projects?layer=dev-zones&feature=qikai&mode=near&distance=3000"));
        Set<String> surelyIn = IndependentLinkCheck.projectsNear(Path.of("gis-data"), "dev-zones", "qikai", 2_970);
        Set<String> possiblyIn = IndependentLinkCheck.projectsNear(Path.of("gis-data"), "dev-zones", "qikai", 3_030);
        assertThat(near).containsAll(surelyIn);
        assertThat(possiblyIn).containsAll(near);
        assertThat(near).containsAll(expected("dev-zones/qikai/"));
        assertThat(near.size()).isGreaterThan(expected("dev-zones/qikai/").size());
    }

    @Test
    void totalsAddUpByCityStatusAndDistrict() {
        JsonNode answer = ok("/api/coverage/projects?layer=major-zones&feature=innovation-centre&mode=intersects");
        JsonNode total = answer.get("summary").get("total");
        assertThat(total.get("count").asInt()).isEqualTo(answer.get("features").size()).isPositive();
        double investment = 0;
        for (JsonNode feature : answer.get("features")) {
            investment += feature.get("properties").get("investment_cny_100m").asDouble();
        }
        assertThat(total.get("investment_cny_100m").asDouble()).isCloseTo(investment, within(0.01));
        for (String grouping : List.of("by_city", "by_status", "by_district")) {
            int count = 0;
            for (JsonNode group : answer.get("summary").get(grouping)) {
                count += group.get("count").asInt();
            }
            assertThat(count).as(grouping).isEqualTo(total.get("count").asInt());
        }
        assertThat(answer.get("area").get("area_km2").asDouble()).isCloseTo(724, within(1.0));
    }

    @Test
    void coverageShareIsTheMergedProjectAreaOverTheZoneArea() {
        JsonNode share = ok("/api/coverage/share?layer=major-zones&feature=auto-city");
        double zone = share.get("area").get("area_km2").asDouble();
        double covered = share.get("covered_km2").asDouble();
        assertThat(zone).isCloseTo(471, within(1.0));
        assertThat(covered).isPositive().isLessThan(zone);
        assertThat(share.get("share").asDouble()).isCloseTo(covered / zone, within(0.0001));
        double inDistricts = 0;
        for (JsonNode district : share.get("by_district")) {
            inDistricts += district.get("area_km2").asDouble();
            assertThat(district.get("covered_km2").asDouble()).isLessThanOrEqualTo(district.get("area_km2").asDouble());
        }
        assertThat(inDistricts).isCloseTo(zone, within(0.5));
        String csv = http.get("/api/coverage/share?layer=major-zones&feature=auto-city&format=csv").body();
        assertThat(csv).startsWith("\uFEFFadcode,name_zh,name_en,area_km2,covered_km2,share\r\n").contains("公主岭市");
    }

    @Test
    void identifiesEverythingAtAPointAndTheCitiesItsDistrictSupports() {
        JsonNode hits = ok("/api/identify?lon=125.70&lat=43.52").get("features");
        List<String> found = new ArrayList<>();
        hits.forEach(h -> found.add(h.get("layer").asString() + "/" + h.get("id").asString()));
        assertThat(found).contains("districts/220112", "agri-belts/east");
        JsonNode district = hits.get(found.indexOf("districts/220112"));
        List<String> cities = new ArrayList<>();
        district.get("supports").forEach(c -> cities.add(c.get("id").asString() + ":" + c.get("role").asString()));
        assertThat(cities).contains("agriculture:support", "dual-carbon:support", "culture:lead");
        assertThat(district.has("geometry")).isTrue();
        assertThat(district.get("geometry").isNull()).isTrue();
        assertThat(ok("/api/identify?lon=125.70&lat=43.52&geometry=true").get("features").get(0)
                .get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");
        assertThat(http.get("/api/identify?lon=125.70&lat=43.52").body()).as("GeoJSON's type first, on every run")
                .startsWith("{\"type\":\"FeatureCollection\",\"features\":[");
    }

    @Test
    void identifyAnswersForTheLayersAskedOnly() {
        List<String> layers = new ArrayList<>();
        ok("/api/identify?lon=125.70&lat=43.52&layers=districts").get("features")
                .forEach(h -> layers.add(h.get("layer").asString()));
        assertThat(layers).containsExactly("districts");
        layers.clear();
        ok("/api/identify?lon=125.70&lat=43.52&layers=agri-belts,districts").get("features")
                .forEach(h -> layers.add(h.get("layer").asString()));
        assertThat(layers).containsExactlyInAnyOrder("districts", "agri-belts");
        assertThat(ok("/api/identify?lon=125.70&lat=43.52&layers=").get("features")).as("no layer asked").isEmpty();

        Http.Response unknown = http.get("/api/identify?lon=125.70&lat=43.52&layers=districts,atlantis");
        assertThat(unknown.status()).isEqualTo(400);
        JsonNode problem = unknown.json();
        assertThat(problem.get("message_zh").asString()).contains("atlantis").contains("图层")
                .contains("districts").contains("dev-zones").contains("projects");
        assertThat(problem.get("message_en").asString()).contains("atlantis").contains("layer")
                .contains("districts").contains("dev-zones").contains("projects");
    }

    @Test
    void aPolygonIsIdentifiedWhereItContainsTheClickNotWithinTheTolerance() throws Exception {
        Geometry shuangyang = new GeoJsonReader().read(ok("/ogc/collections/districts/items/220112").get("geometry")
                .toString());
        // 10 m from a corner of the boundary, outside the district: within the default 25 m tolerance
        Coordinate corner = shuangyang.getCoordinates()[0];
        double metre = 1 / 111_320.0;
        Point outside = null;
        for (int step = 0; step < 16 && outside == null; step++) {
            double angle = step * Math.PI / 8;
            Point candidate = new GeometryFactory().createPoint(new Coordinate(
                    corner.x + 10 * metre * Math.cos(angle) / Math.cos(Math.toRadians(corner.y)),
                    corner.y + 10 * metre * Math.sin(angle)));
            outside = shuangyang.covers(candidate) ? null : candidate;
        }
        assertThat(outside).as("a point just outside the corner").isNotNull();

        JsonNode hits = ok("/api/identify?lon=" + outside.getX() + "&lat=" + outside.getY()).get("features");
        List<String> found = new ArrayList<>();
        hits.forEach(h -> found.add(h.get("layer").asString() + "/" + h.get("id").asString()));
        assertThat(found).doesNotContain("districts/220112");
        Coordinate inside = shuangyang.getInteriorPoint().getCoordinate();
        assertThat(ok("/api/identify?lon=" + inside.x + "&lat=" + inside.y).get("features").toString())
                .contains("\"220112\"");
    }

    @Test
    void aCityFootprintIsTheUnionOfItsAreasWithTheProjectsInside() {
        JsonNode footprint = ok("/api/cities/automobile/footprint");
        double lead = 0;
        double support = 0;
        double all = 0;
        int projects = 0;
        for (JsonNode feature : footprint.get("features")) {
            switch (feature.get("properties").get("kind").asString()) {
                case "lead" -> lead = feature.get("properties").get("area_km2").asDouble();
                case "support" -> support = feature.get("properties").get("area_km2").asDouble();
                case "footprint" -> all = feature.get("properties").get("area_km2").asDouble();
                case "derived" -> assertThat(feature.get("properties").get("basis").asString()).isEqualTo("derived");
                default -> projects++;
            }
        }
        assertThat(lead).isPositive();
        assertThat(all).isGreaterThanOrEqualTo(Math.max(lead, support)).isLessThanOrEqualTo(lead + support + 0.01);
        assertThat(projects).isEqualTo(footprint.get("summary").get("total").get("count").asInt()).isPositive();
    }

    @Test
    void aDrawnPolygonIsAnsweredLikeAZone() {
        String box = "{\"type\": \"Polygon\", \"coordinates\": [[[125.1, 43.8], [125.3, 43.8], [125.3, 43.95], "
                + "[125.1, 43.95], [125.1, 43.8]]]}";
        Http.Response answer = http.send("POST", "/api/coverage/projects?mode=intersects", box, "application/json");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Set<String> drawn = ids(answer.json());
        Set<String> byBbox = ids(ok("/ogc/collections/projects/items?limit=100&bbox=125.1,43.8,125.3,43.95"));
        assertThat(drawn).isNotEmpty().isEqualTo(byBbox);
        assertThat(answer.json().get("area").get("name_en").asString()).isEqualTo("drawn area");
    }

    /**
     * A plan polygon's features are found through the links the store keeps (its index, not a
     * spatial test): the same features as the polygon's shape drawn and tested, in both modes.
     */
    @Test
    void aPlanPolygonIsAnsweredThroughItsLinksAsItsShapeWouldBe() {
        List<String[]> zones = new ArrayList<>(List.of(new String[] {"major-zones", "innovation-centre"},
                new String[] {"dev-zones", "qikai"}, new String[] {"agri-belts", "east"}));
        for (JsonNode district : ok("/ogc/collections/districts/items?limit=100").get("features")) {
            zones.add(new String[] {"districts", district.get("id").asString()});
        }
        for (String[] zone : zones) {
            String shape = ok("/ogc/collections/" + zone[0] + "/items/" + zone[1]).get("geometry").toString();
            for (String mode : List.of("within", "intersects")) {
                Set<String> linked = ids(ok("/api/coverage/projects?mode=" + mode + "&layer=" + zone[0]
                        + "&feature=" + zone[1]));
                Http.Response drawn = http.send("POST", "/api/coverage/projects?mode=" + mode, shape, "application/json");
                assertThat(drawn.status()).as(drawn.body()).isEqualTo(200);
                assertThat(linked).as(zone[1] + " " + mode).isEqualTo(ids(drawn.json()));
            }
        }
    }

    @Test
    void tablesComeAsCsvWithAByteOrderMarkForSpreadsheets() {
        Http.Response byCity = http.get("/api/coverage/projects?layer=districts&feature=220112&format=csv&group=city");
        assertThat(byCity.contentType()).startsWith("text/csv");
        assertThat(byCity.body()).startsWith("\uFEFFcity,name_zh,name_en,count,investment_cny_100m,area_km2\r\n")
                .contains("现代农业城");
        String rows = http.get("/api/coverage/projects?layer=districts&feature=220112&format=csv").body();
        assertThat(rows.split("\r\n")).hasSize(1 + expected("districts/220112/within").size());
    }

    @Test
    void badQuestionsGetAClearClientError() {
        Map<String, Integer> cases = Map.ofEntries(
                Map.entry("/api/coverage/projects?layer=nope&feature=x", 404),
                Map.entry("/api/coverage/projects?layer=dev-zones&feature=nope", 404),
                Map.entry("/api/coverage/projects?layer=dev-zones&feature=qikai&mode=around", 400),
                Map.entry("/api/coverage/projects?layer=dev-zones&feature=qikai&mode=near", 400),
                Map.entry("/api/coverage/projects?layer=dev-zones&feature=qikai&mode=near&distance=1e9", 400),
                Map.entry("/api/coverage/projects?layer=dev-zones&feature=qikai&format=xml", 400),
                Map.entry("/api/coverage/projects?layer=dev-zones&feature=qikai&format=csv&group=colour", 400),
                Map.entry("/api/coverage/projects?layer=dev-zones", 400),
                Map.entry("/api/coverage/share?layer=dev-zones&feature=qikai&source=nope", 404),
                Map.entry("/api/identify?lon=200&lat=43", 400),
                Map.entry("/api/identify?lon=abc&lat=43", 400),
                Map.entry("/api/identify?lon=125&lat=43&tolerance=-1", 400),
                Map.entry("/api/cities/atlantis/footprint", 404));
        cases.forEach((path, status) -> {
            Http.Response response = http.get(path);
            assertThat(response.status()).as(path + " → " + response.body()).isEqualTo(status);
            assertThat(response.json().get("message").asString()).as(path).isNotBlank();
        });
        Http.Response point = http.send("POST", "/api/coverage/projects",
                "{\"type\": \"Point\", \"coordinates\": [125, 43]}", "application/json");
        assertThat(point.status()).isEqualTo(400);
        assertThat(http.send("POST", "/api/coverage/projects", "not json", "application/json").status()).isEqualTo(400);
    }

    private Set<String> expected(String linkPrefix) {
        Set<String> ids = new TreeSet<>();
        expectedLinks.forEach((project, links) -> {
            if (links.stream().anyMatch(l -> l.startsWith(linkPrefix))) {
                ids.add(project);
            }
        });
        return ids;
    }

    private JsonNode ok(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path + " → " + response.body()).isEqualTo(200);
        return response.json();
    }

    private static Set<String> ids(JsonNode collection) {
        Set<String> ids = new TreeSet<>();
        collection.get("features").forEach(f -> ids.add(f.get("id").asString()));
        return ids;
    }
}
