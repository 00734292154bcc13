package org.changchun.layout.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.support.Gdal;
import org.changchun.layout.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * OGC API - Features over HTTP, as standard clients use it, with the real plan data; run on each
 * store by the subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "plan.security.users[0].name=editor",
    "plan.security.users[0].password={noop}editor-secret",
    "plan.security.users[0].roles=EDITOR",
    "plan.security.users[1].name=reader",
    "plan.security.users[1].password={noop}reader-secret",
    "plan.security.users[1].roles=READER"})
abstract class OgcApiTest {

    private static final String EDITOR = Http.basic("editor", "editor-secret");
    private static final String DISTRICTS_ENDING_IN_QU = "南关区,宽城区,朝阳区,二道区,绿园区,双阳区,九台区";

    @LocalServerPort
    int port;

    Http http;

    @TempDir
    Path temp;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void theLandingPageLinksTheDefinitionConformanceAndData() {
        JsonNode landing = ok("/ogc");
        Set<String> rels = new HashSet<>();
        landing.get("links").forEach(l -> rels.add(l.get("rel").asString()));
        assertThat(rels).contains("self", "service-desc", "conformance", "data");
        JsonNode conformance = ok("/ogc/conformance").get("conformsTo");
        assertThat(texts(conformance)).contains(
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
                "http://www.opengis.net/spec/cql2/1.0/conf/arithmetic",
                "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions");
        assertThat(texts(conformance)).as("no property here is an array")
                .doesNotContain("http://www.opengis.net/spec/cql2/1.0/conf/array-functions");
        JsonNode definition = ok("/v3/api-docs/ogc");
        assertThat(definition.get("openapi").asString()).startsWith("3.0");
        assertThat(definition.get("paths").propertyNames()).contains("/ogc/collections/{collectionId}/items");
    }

    @Test
    void describesEveryCollectionWithExtentAndCrs() {
        JsonNode collections = ok("/ogc/collections").get("collections");
        List<String> ids = new ArrayList<>();
        collections.forEach(c -> ids.add(c.get("id").asString()));
        assertThat(ids).containsExactly("districts", "agri-belts", "major-zones", "corridors", "dev-zones",
                "regional-zones", "regional-corridors", "sites", "eco-redline-sample", "projects", "district-indicators");
        JsonNode districts = ok("/ogc/collections/districts");
        assertThat(districts.get("title").asString()).isEqualTo("行政区 / Districts");
        assertThat(districts.get("itemType").asString()).isEqualTo("feature");
        assertThat(districts.get("extent").get("spatial").get("bbox").get(0).get(0).asDouble()).isBetween(123.5, 124.5);
        assertThat(texts(districts.get("crs"))).contains("http://www.opengis.net/def/crs/EPSG/0/4490",
                "http://www.opengis.net/def/crs/EPSG/0/3857");
        JsonNode queryables = ok("/ogc/collections/projects/queryables");
        assertThat(queryables.get("properties").get("start_year").get("type").asString()).isEqualTo("integer");
        assertThat(queryables.get("properties").get("geometry").get("x-ogc-role").asString()).isEqualTo("primary-geometry");
    }

    @Test
    void describesEachCollectionsSchemaAndSortablesAsPart5Asks() {
        assertThat(texts(ok("/ogc/conformance").get("conformsTo"))).contains(
                "http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/schemas",
                "http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/core-roles-features",
                "http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/returnables-and-receivables",
                "http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/sortables");
        JsonNode links = ok("/ogc/collections/major-zones").get("links");
        Set<String> schemaLinks = new HashSet<>();
        links.forEach(l -> {
            if (l.get("rel").asString().startsWith("http://www.opengis.net/def/rel/ogc/1.0/s")) {
                assertThat(l.get("type").asString()).isEqualTo("application/schema+json");
                schemaLinks.add(l.get("href").asString().replaceAll(".*/", ""));
            }
        });
        assertThat(schemaLinks).containsExactlyInAnyOrder("schema", "sortables");

        Http.Response answer = http.get("/ogc/collections/major-zones/schema");
        assertThat(answer.contentType()).startsWith("application/schema+json");
        JsonNode schema = answer.json();
        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("$id").asString()).endsWith("/ogc/collections/major-zones/schema");
        assertThat(schema.get("type").asString()).isEqualTo("object");
        assertThat(schema.get("description").asString()).contains("schematic");
        JsonNode properties = schema.get("properties");
        assertThat(properties.get("id").get("x-ogc-role").asString()).isEqualTo("id");
        assertThat(properties.get("id").get("readOnly").asBoolean()).isTrue();
        JsonNode geometry = properties.get("geometry");
        assertThat(geometry.get("x-ogc-role").asString()).isEqualTo("primary-geometry");
        assertThat(geometry.get("format").asString()).isEqualTo("geometry-multipolygon");
        assertThat(geometry.has("type")).as("Part 5: a spatial property has no type").isFalse();
        JsonNode area = properties.get("area_km2");
        assertThat(area.get("type").asString()).isEqualTo("number");
        assertThat(area.get("x-ogc-unit").asString()).isEqualTo("km2");
        assertThat(area.get("title").asString()).contains(" / ").contains("km²");
        assertThat(properties.get("area_km2_published").get("x-ogc-unit").asString()).isEqualTo("km2");
        assertThat(properties.get("name_zh").has("x-ogc-unit")).isFalse();
        List<Integer> sequence = new ArrayList<>();
        properties.forEach(p -> sequence.add(p.get("x-ogc-propertySeq").asInt()));
        assertThat(sequence).isSorted().doesNotHaveDuplicates().startsWith(1);
        assertThat(ok("/ogc/collections/projects/schema").get("properties").get("start_year").has("x-ogc-unit"))
                .as("a year is not a measured quantity").isFalse();

        for (String collection : List.of("districts", "projects", "corridors")) {
            Set<String> queryables = new HashSet<>(ok("/ogc/collections/" + collection + "/queryables")
                    .get("properties").propertyNames());
            Set<String> returnables = new HashSet<>(ok("/ogc/collections/" + collection + "/schema")
                    .get("properties").propertyNames());
            Set<String> sortables = new HashSet<>(ok("/ogc/collections/" + collection + "/sortables")
                    .get("properties").propertyNames());
            assertThat(returnables).isEqualTo(queryables);
            Set<String> expected = new HashSet<>(queryables);
            expected.remove("geometry");
            assertThat(sortables).as(collection + ": the queryables without the geometry").isEqualTo(expected);
            for (String sortable : sortables) {
                ok("/ogc/collections/" + collection + "/items?limit=2&sortby=-" + encode(sortable));
            }
        }
        Http.Response geometrySort = http.get("/ogc/collections/districts/items?sortby=geometry");
        assertThat(geometrySort.status()).isEqualTo(400);
        assertThat(geometrySort.json().get("message_en").asString()).contains("sortables");

        Http.Response html = http.get("/ogc/collections/major-zones/schema?f=html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("area_km2", "km2", "primary-geometry", "面积");
    }

    @Test
    void pagingThroughNextLinksReturnsEveryFeatureExactlyOnce() {
        List<String> ids = new ArrayList<>();
        String next = "/ogc/collections/projects/items?limit=7&sortby=-start_year";
        int pages = 0;
        long matched = -1;
        while (next != null) {
            JsonNode page = ok(next);
            matched = page.get("numberMatched").asLong();
            assertThat(page.get("numberReturned").asInt()).isEqualTo(page.get("features").size());
            page.get("features").forEach(f -> ids.add(f.get("id").asString()));
            next = null;
            for (JsonNode link : page.get("links")) {
                if (link.get("rel").asString().equals("next") && link.get("type").asString().equals("application/geo+json")) {
                    next = link.get("href").asString().substring(http.base().length());
                }
            }
            pages++;
        }
        assertThat(ids).hasSize((int) matched).doesNotHaveDuplicates();
        assertThat(matched).isGreaterThanOrEqualTo(48);
        assertThat(pages).isEqualTo((int) Math.ceil(matched / 7.0));
    }

    @Test
    void filtersWithCql2InsideTheStore() {
        JsonNode districts = ok("/ogc/collections/districts/items?limit=100&filter=" + encode("name_zh LIKE '%区'"));
        assertThat(String.join(",", names(districts))).isEqualTo(DISTRICTS_ENDING_IN_QU);
        assertThat(districts.get("numberMatched").asInt()).isEqualTo(7);

        // a box around the automobile zone: S_INTERSECTS with a polygon literal selects what the bbox does
        String polygon = "POLYGON((125.1 43.8, 125.3 43.8, 125.3 43.95, 125.1 43.95, 125.1 43.8))";
        List<String> byFilter = ids(ok("/ogc/collections/projects/items?limit=100&filter="
                + encode("S_INTERSECTS(geometry, " + polygon + ")")));
        List<String> byBbox = ids(ok("/ogc/collections/projects/items?limit=100&bbox=125.1,43.8,125.3,43.95"));
        assertThat(byFilter).isNotEmpty().containsExactlyInAnyOrderElementsOf(byBbox);
        List<String> automobile = ids(ok("/ogc/collections/projects/items?limit=100&filter="
                + encode("S_INTERSECTS(geometry, " + polygon + ") AND city = 'automobile'")));
        assertThat(byFilter).containsAll(automobile);
        assertThat(automobile).isNotEmpty();

        JsonNode within = ok("/ogc/collections/projects/items?limit=100&filter="
                + encode("S_WITHIN(geometry, BBOX(124, 43, 127, 46)) AND start_year BETWEEN 2021 AND 2026 "
                        + "AND status IN ('planned', 'under_construction', 'completed')"));
        assertThat(within.get("numberMatched").asInt()).isEqualTo(ok("/ogc/collections/projects/items").get("numberMatched").asInt());
        JsonNode containsPoint = ok("/ogc/collections/districts/items?filter="
                + encode("S_CONTAINS(geometry, POINT(125.70 43.52))"));
        assertThat(names(containsPoint)).containsExactly("双阳区");
        // the same filter in CQL2 JSON (filter-lang=cql2-json), with arithmetic, selects the same features
        List<String> byText = ids(ok("/ogc/collections/projects/items?limit=100&filter="
                + encode("city = 'automobile' AND start_year + 1 > 2023")));
        List<String> byJson = ids(ok("/ogc/collections/projects/items?limit=100&filter-lang=cql2-json&filter=" + encode(
                "{\"op\":\"and\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"city\"},\"automobile\"]},"
                        + "{\"op\":\">\",\"args\":[{\"op\":\"+\",\"args\":[{\"property\":\"start_year\"},1]},2023]}]}")));
        assertThat(byJson).isNotEmpty().containsExactlyInAnyOrderElementsOf(byText);
        JsonNode byQueryable = ok("/ogc/collections/projects/items?limit=100&status=completed&city=culture");
        byQueryable.get("features").forEach(f -> {
            assertThat(f.get("properties").get("status").asString()).isEqualTo("completed");
            assertThat(f.get("properties").get("city").asString()).isEqualTo("culture");
        });
    }

    @Test
    void writesTheCrsAskedForAndReadsBoxesInOthers() {
        String lonLat = "/ogc/collections/districts/items/220112";
        // 双阳 is one polygon, served as a MultiPolygon like every district: [polygon][ring][vertex]
        JsonNode crs84 = ok(lonLat);
        double lon = crs84.get("geometry").get("coordinates").get(0).get(0).get(0).get(0).asDouble();
        double lat = crs84.get("geometry").get("coordinates").get(0).get(0).get(0).get(1).asDouble();
        assertThat(lon).isBetween(125.0, 126.5);

        Http.Response latLon = http.get(lonLat + "?crs=" + encode("http://www.opengis.net/def/crs/EPSG/0/4490"));
        assertThat(latLon.header("Content-Crs")).isEqualTo("<http://www.opengis.net/def/crs/EPSG/0/4490>");
        JsonNode swapped = latLon.json().get("geometry").get("coordinates").get(0).get(0).get(0);
        assertThat(swapped.get(0).asDouble()).isEqualTo(lat);
        assertThat(swapped.get(1).asDouble()).isEqualTo(lon);

        JsonNode mercator = ok(lonLat + "?crs=" + encode("http://www.opengis.net/def/crs/EPSG/0/3857"));
        double x = mercator.get("geometry").get("coordinates").get(0).get(0).get(0).get(0).asDouble();
        assertThat(x).isCloseTo(lon * 20037508.342789244 / 180, org.assertj.core.data.Offset.offset(0.05));

        List<String> inDegrees = ids(ok("/ogc/collections/projects/items?limit=100&bbox=125.1,43.8,125.3,43.95"));
        List<String> inLatLon = ids(ok("/ogc/collections/projects/items?limit=100&bbox=43.8,125.1,43.95,125.3&bbox-crs="
                + encode("http://www.opengis.net/def/crs/EPSG/0/4490")));
        assertThat(inLatLon).containsExactlyInAnyOrderElementsOf(inDegrees);
    }

    @Test
    void selectsPropertiesAndSortsAndServesHtml() {
        JsonNode page = ok("/ogc/collections/projects/items?limit=5&sortby=-start_year,name_zh&properties=name_zh,start_year");
        int previous = Integer.MAX_VALUE;
        for (JsonNode feature : page.get("features")) {
            assertThat(feature.get("properties").propertyNames()).containsExactly("name_zh", "start_year");
            int year = feature.get("properties").get("start_year").asInt();
            assertThat(year).isLessThanOrEqualTo(previous);
            previous = year;
        }
        Http.Response html = http.send("GET", "/ogc/collections/projects/items?limit=3", null, null,
                "Accept", "text/html,application/xhtml+xml");
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("项目库");
        assertThat(http.get("/ogc/collections?f=html").body()).contains("行政区 / Districts");
    }

    @Test
    void badRequestsGetAClearClientErrorNeverAServerError() {
        List<String[]> cases = List.of(
                new String[] {"/ogc/collections/nope", "404"},
                new String[] {"/ogc/collections/nope/items", "404"},
                new String[] {"/ogc/collections/districts/items/999999", "404"},
                new String[] {"/ogc/collections/districts/items?filter=" + encode("name_zh LIKE"), "400"},
                new String[] {"/ogc/collections/districts/items?filter=" + encode("S_INTERSECTS(geometry, POLYGON((1 2)))"), "400"},
                new String[] {"/ogc/collections/districts/items?filter=" + encode("colour = 'red'"), "400"},
                new String[] {"/ogc/collections/districts/items?filter=" + encode("area_km2 = 'big'"), "400"},
                new String[] {"/ogc/collections/districts/items?filter=x&filter-lang=cql2-json", "400"},
                new String[] {"/ogc/collections/districts/items?filter-lang=cql2-json&filter="
                        + encode("{\"op\":\"t_after\",\"args\":[{\"property\":\"name_zh\"},{\"date\":\"2020-01-01\"}]}"), "400"},
                new String[] {"/ogc/collections/districts/items?filter=" + encode("A_CONTAINS(name_zh, ('a'))"), "400"},
                new String[] {"/ogc/collections/projects/items?filter=" + encode("start_year * 9223372036854775807 > 1"), "400"},
                new String[] {"/ogc/collections/districts/items?bbox=0,0,200,10", "400"},
                new String[] {"/ogc/collections/districts/items?bbox=1,2,3", "400"},
                new String[] {"/ogc/collections/districts/items?bbox=a,b,c,d", "400"},
                new String[] {"/ogc/collections/districts/items?bbox=10,10,0,0", "400"},
                new String[] {"/ogc/collections/districts/items?crs=EPSG:9999", "400"},
                new String[] {"/ogc/collections/districts/items?bbox=1,2,3,4&bbox-crs=urn:nothing", "400"},
                new String[] {"/ogc/collections/districts/items?limit=10001", "400"},
                new String[] {"/ogc/collections/districts/items?limit=0", "400"},
                new String[] {"/ogc/collections/districts/items?limit=ten", "400"},
                new String[] {"/ogc/collections/districts/items?offset=-1", "400"},
                new String[] {"/ogc/collections/districts/items?sortby=geometry", "400"},
                new String[] {"/ogc/collections/districts/items?properties=colour", "400"},
                new String[] {"/ogc/collections/districts/items?unknown=1", "400"},
                new String[] {"/ogc/collections/districts/items?limit=1&limit=2", "400"},
                new String[] {"/ogc/collections/districts/items?datetime=yesterday", "400"},
                new String[] {"/ogc/collections/projects/items?start_year=soon", "400"},
                new String[] {"/ogc/collections/districts/items?f=xml", "400"});
        for (String[] testCase : cases) {
            Http.Response response = http.get(testCase[0]);
            assertThat(response.status()).as(testCase[0] + " → " + response.body()).isEqualTo(Integer.parseInt(testCase[1]));
            assertThat(response.json().get("message").asString()).as(testCase[0]).isNotBlank();
        }
    }

    @Test
    void spatialLiteralsAndBoxesOutsideTheirCrsAreRefusedNamingThem() {
        String huge = "S_INTERSECTS(geometry, POLYGON((0 0, 1e308 0, 1e308 1e308, 0 0)))";
        Http.Response literal = http.get("/ogc/collections/projects/items?filter=" + encode(huge));
        assertThat(literal.status()).as(literal.body()).isEqualTo(400);
        assertThat(literal.contentType()).startsWith("application/problem+json");
        assertThat(literal.json().get("message_en").asString())
                .contains("POLYGON((0 0, 1e308 0, 1e308 1e308, 0 0))", "(1e308 0)", "longitude -180..180");
        assertThat(literal.json().get("message_zh").asString()).contains("POLYGON((0 0, 1e308 0", "超出");
        Http.Response mercator = http.get("/ogc/collections/projects/items?filter-crs=" + encode(ApiCrs.WEB_MERCATOR.uri())
                + "&filter=" + encode("S_WITHIN(geometry, BBOX(-1e308, -1e308, 1e308, 1e308))"));
        assertThat(mercator.status()).as(mercator.body()).isEqualTo(400);
        assertThat(mercator.json().get("message_en").asString()).contains("BBOX(-1e308, -1e308, 1e308, 1e308)", "EPSG:3857");
        Http.Response box = http.get("/ogc/collections/projects/items?bbox=-1e308,-1e308,1e308,1e308&bbox-crs="
                + encode(ApiCrs.WEB_MERCATOR.uri()));
        assertThat(box.status()).as(box.body()).isEqualTo(400);
        assertThat(box.json().get("message_en").asString()).contains("-1e308,-1e308,1e308,1e308", "EPSG:3857");
        assertThat(ok("/ogc/collections/projects/items?limit=100&filter="
                + encode("S_INTERSECTS(geometry, BBOX(-180, -90, 180, 90))")).get("numberReturned").asInt()).isPositive();
    }

    @Test
    void editorsCreateUpdateAndDeleteProjectsWhichAreRelinked() {
        String body = """
                {"type": "Feature", "id": "test-edit-1",
                 "properties": {"name_zh": "测试项目（示例）", "name_en": "Test project (sample)", "city": "culture",
                                "status": "planned", "start_year": 2025, "investment_cny_100m": 1.5, "sample": true},
                 "geometry": {"type": "Point", "coordinates": [125.70, 43.52]}}""";
        String items = "/ogc/collections/projects/items";
        assertThat(http.send("POST", items, body, "application/geo+json").status()).isEqualTo(401);
        assertThat(http.send("POST", items, body, "application/geo+json", "Authorization",
                Http.basic("reader", "reader-secret")).status()).isEqualTo(403);
        assertThat(http.send("POST", items, body, "application/geo+json", "Authorization",
                Http.basic("editor", "wrong")).status()).isEqualTo(401);

        Http.Response created = http.send("POST", items, body, "application/geo+json", "Authorization", EDITOR);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith(items + "/test-edit-1");
        assertThat(linkedDistricts("test-edit-1")).containsExactly("220112");
        assertThat(http.send("POST", items, body, "application/geo+json", "Authorization", EDITOR).status()).isEqualTo(409);

        // moved into 公主岭 by a merge patch: the store relinks it
        Http.Response patched = http.send("PATCH", items + "/test-edit-1",
                "{\"geometry\": {\"type\": \"Point\", \"coordinates\": [124.86, 43.53]}, \"properties\": {\"status\": \"completed\"}}",
                "application/merge-patch+json", "Authorization", EDITOR);
        assertThat(patched.status()).as(patched.body()).isEqualTo(204);
        assertThat(linkedDistricts("test-edit-1")).containsExactly("220184");
        JsonNode item = ok(items + "/test-edit-1");
        assertThat(item.get("properties").get("status").asString()).isEqualTo("completed");
        assertThat(item.get("properties").get("name_zh").asString()).isEqualTo("测试项目（示例）");

        String replacement = body.replace("125.70, 43.52", "125.32, 43.88").replace("测试项目", "替换项目");
        assertThat(http.send("PUT", items + "/test-edit-1", replacement, "application/geo+json", "Authorization", EDITOR)
                .status()).isEqualTo(204);
        assertThat(ok(items + "/test-edit-1").get("properties").get("name_zh").asString()).isEqualTo("替换项目（示例）");

        assertThat(http.send("POST", items, body.replace("2025", "\"2025\""), "application/geo+json",
                "Authorization", EDITOR).status()).isEqualTo(400);
        assertThat(http.send("POST", items, body.replace("[125.70, 43.52]", "[500000, 4800000]"),
                "application/geo+json", "Authorization", EDITOR).status()).isEqualTo(400);
        assertThat(http.send("POST", "/ogc/collections/districts/items", body, "application/geo+json",
                "Authorization", EDITOR).status()).isEqualTo(405);

        assertThat(http.send("DELETE", items + "/test-edit-1", null, null, "Authorization", EDITOR).status())
                .isEqualTo(204);
        assertThat(http.get(items + "/test-edit-1").status()).isEqualTo(404);
        assertThat(http.get("/api/projects/test-edit-1").status()).isEqualTo(404);
        assertThat(http.send("DELETE", items + "/test-edit-1", null, null, "Authorization", EDITOR).status())
                .isEqualTo(404);
    }

    @Test
    void gdalReadsEveryCollectionAndCopiesTheDistrictsWithChineseNames() {
        String service = "OAPIF:" + http.base() + "/ogc";
        String listing = Gdal.run("ogrinfo", "-ro", service);
        for (String id : List.of("districts", "agri-belts", "major-zones", "corridors", "dev-zones",
                "regional-zones", "regional-corridors", "sites", "eco-redline-sample", "projects")) {
            assertThat(listing).contains(": " + id + " (title: ");
        }
        Path copy = temp.resolve("districts.gpkg");
        Gdal.run("ogr2ogr", "-f", "GPKG", copy.toString(), service, "districts");
        assertThat(Files.exists(copy)).isTrue();
        String names = Gdal.run("ogrinfo", "-ro", "-q", copy.toString(), "-sql",
                "SELECT COUNT(*) AS n, group_concat(name_zh) AS names FROM districts");
        assertThat(names).contains("n (Integer) = 11").contains("南关区,宽城区,朝阳区").contains("公主岭市");

        Path filtered = temp.resolve("shuangyang.gpkg");
        Gdal.run("ogr2ogr", "-f", "GPKG", filtered.toString(), service, "districts", "-where", "name_zh = '双阳区'");
        assertThat(Gdal.run("ogrinfo", "-ro", "-q", filtered.toString(), "-sql", "SELECT COUNT(*) AS n FROM districts"))
                .contains("n (Integer) = 1");
    }

    @Test
    void theDistrictsAreOneGeometryTypeSoGdalCopiesThemAsMultiPolygonsWithoutBeingTold() {
        Set<String> types = new HashSet<>();
        ok("/ogc/collections/districts/items?limit=100").get("features")
                .forEach(f -> types.add(f.get("geometry").get("type").asString()));
        assertThat(types).containsExactly("MultiPolygon");
        assertThat(ok("/api/layers/districts").get("geometry_type").asString()).isEqualTo("MultiPolygon");
        JsonNode geometry = ok("/ogc/collections/districts/queryables").get("properties").get("geometry");
        assertThat(geometry.get("format").asString()).isEqualTo("geometry-multipolygon");
        assertThat(geometry.get("x-ogc-role").asString()).isEqualTo("primary-geometry");

        Path copy = temp.resolve("districts-multi.gpkg");
        Gdal.run("ogr2ogr", "-f", "GPKG", copy.toString(), "OAPIF:" + http.base() + "/ogc", "districts");
        assertThat(Gdal.run("ogrinfo", "-ro", "-so", copy.toString(), "districts"))
                .contains("Geometry: Multi Polygon").doesNotContain("Unknown (any)");
    }

    private List<String> linkedDistricts(String projectId) {
        List<String> adcodes = new ArrayList<>();
        ok("/api/projects/" + projectId).get("linked").get("districts").forEach(d -> adcodes.add(d.get("adcode").asString()));
        return adcodes;
    }

    private JsonNode ok(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path + " → " + response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode collection) {
        List<String> ids = new ArrayList<>();
        collection.get("features").forEach(f -> ids.add(f.get("id").asString()));
        return ids;
    }

    private static List<String> names(JsonNode collection) {
        List<String> names = new ArrayList<>();
        collection.get("features").forEach(f -> names.add(f.get("properties").get("name_zh").asString()));
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asString()));
        return texts;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
