package org.changchun.layout.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.changchun.layout.support.Http;
import org.changchun.layout.support.OpenApiContract;
import org.changchun.layout.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document tells the truth: every operation it lists is called, with good and bad
 * requests, by anonymous callers and by each role, and every answer has the status the request
 * should get, and a status, media type, headers and body the document declares for that operation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "plan.security.users[0].name=editor",
    "plan.security.users[0].password={noop}editor-secret",
    "plan.security.users[0].roles=EDITOR",
    "plan.security.users[1].name=admin",
    "plan.security.users[1].password={noop}admin-secret",
    "plan.security.users[1].roles=ADMIN",
    "plan.security.users[2].name=reader",
    "plan.security.users[2].password={noop}reader-secret",
    "plan.security.users[2].roles=READER",
    "plan.limits.max-body=64KB"})
class OpenApiContractTest {

    private static final String EDITOR = Http.basic("editor", "editor-secret");
    private static final String ADMIN = Http.basic("admin", "admin-secret");
    private static final String READER = Http.basic("reader", "reader-secret");
    private static final String JSON = "application/json";
    private static final String GEOJSON = "application/geo+json";
    private static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[125.2,43.8],[125.4,43.8],[125.4,43.95],"
            + "[125.2,43.95],[125.2,43.8]]]}";
    private static final String NEW_PROJECT = "{\"type\":\"Feature\",\"id\":\"contract-test\",\"geometry\":{\"type\":\"Point\","
            + "\"coordinates\":[125.3,43.88]},\"properties\":{\"name_zh\":\"契约测试\",\"name_en\":\"contract test\"}}";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.register("h2gis", registry);
    }

    @LocalServerPort
    int port;

    Http http;
    OpenApiContract contract;
    final List<String> failures = new ArrayList<>();
    final Set<String> called = new TreeSet<>();

    @BeforeEach
    void client() {
        http = new Http(port);
        contract = OpenApiContract.of(http);
    }

    @Test
    void everyOperationAnswersAsTheDocumentSays() throws Exception {
        plan();
        layersAndExports();
        coverage();
        imports();
        history();
        accounts();
        ogcFeatures();
        ogcEdits();
        tiles();
        monitoring();
        maps();
        compliance();
        Set<String> documented = new TreeSet<>();
        contract.operations().forEach(operation -> documented.add(operation.toString()));
        assertThat(failures).as("answers that differ from the request's due status or from the document").isEmpty();
        assertThat(called).as("every documented operation is called").containsAll(documented);
    }

    @Test
    void theDocumentDescribesTheAppsJsonAndSignIn() {
        JsonNode document = contract.document();
        JsonNode schemas = document.get("components").get("schemas");
        assertThat(schemas.get("LayerSummary").get("properties").propertyNames())
                .as("members named as the app writes them (snake_case)").contains("title_zh", "feature_count")
                .doesNotContain("titleZh", "featureCount");
        assertThat(schemas.propertyNames()).as("JTS types are GeoJSON geometries, not Java beans")
                .contains("GeoJsonGeometry", "Problem").doesNotContain("Envelope", "GeometryFactory", "Coordinate");
        assertThat(schemas.get("Problem").get("required").toString())
                .contains("status", "error", "message", "message_zh", "message_en");
        assertThat(document.get("components").get("securitySchemes").propertyNames())
                .contains("basic", "apiKey", "session", "xsrf");
        JsonNode items = document.get("paths").get("/ogc/collections/{collectionId}/items").get("get");
        List<String> parameters = new ArrayList<>();
        items.get("parameters").forEach(p -> parameters.add(p.get("name").asString()));
        assertThat(parameters).contains("limit", "offset", "bbox", "bbox-crs", "crs", "datetime", "properties",
                "sortby", "filter", "filter-lang", "filter-crs", "queryables");
        assertThat(document.get("paths").get("/api/session").get("post").get("requestBody").get("content")
                .propertyNames()).containsExactly("application/x-www-form-urlencoded");
        assertThat(document.get("paths").get("/api/admin/accounts").get("get").get("security").toString())
                .contains("basic", "apiKey", "session");
        assertThat(http.get("/v3/api-docs/swagger-config").json().get("urls.primaryName").asString())
                .as("Swagger UI opens on the plan API").isEqualTo("规划接口 Plan API");
    }

    // --- the requests, by area -----------------------------------------------------------------

    private void plan() {
        expect(200, "GET", "/api/cities");
        expect(406, "GET", "/api/cities", null, null, "Accept", "image/png");
        expect(406, "GET", "/api/layers", null, null, "Accept", "application/geo+json");
        expect(406, "GET", "/api/cities/automobile", null, null, "Accept", "application/problem+json");
        expect(200, "GET", "/api/cities/automobile");
        expect(404, "GET", "/api/cities/nowhere");
        expect(200, "GET", "/api/cities/automobile/footprint");
        expect(404, "GET", "/api/cities/nowhere/footprint");
        expect(200, "GET", "/api/districts");
        expect(200, "GET", "/api/districts/220112/cities");
        expect(404, "GET", "/api/districts/999999/cities");
        String project = http.get("/ogc/collections/projects/items?limit=1").json().get("features").get(0)
                .get("id").asString();
        expect(200, "GET", "/api/projects/" + project);
        expect(404, "GET", "/api/projects/nothing-here");
        expect(200, "GET", "/api/map-settings");
        expect(200, "GET", "/api/me");
        expect(200, "GET", "/api/me", null, null, "Authorization", EDITOR);
        expect(401, "GET", "/api/me", null, null, "Authorization", Http.basic("editor", "wrong"));
        expect(401, "GET", "/api/me", null, null, "X-API-Key", "ccp_nothing_wrong");
    }

    private void layersAndExports() {
        expect(200, "GET", "/api/layers");
        expect(200, "GET", "/api/layers/districts");
        expect(404, "GET", "/api/layers/nothing");
        expect(200, "GET", "/api/layers/districts/versions");
        expect(404, "GET", "/api/layers/nothing/versions");
        expect(401, "POST", "/api/layers/districts/versions/1/restore");
        expect(403, "POST", "/api/layers/districts/versions/1/restore", null, null, "Authorization", READER);
        expect(404, "POST", "/api/layers/districts/versions/999/restore", null, null, "Authorization", EDITOR);
        expect(400, "POST", "/api/layers/districts/versions/latest/restore", null, null, "Authorization", EDITOR);
        expect(200, "GET", "/api/layers/districts/export");
        expect(200, "GET", "/api/layers/districts/export?format=csv&encoding=GBK");
        expect(200, "GET", "/api/layers/dev-zones/export?format=shp");
        expect(200, "GET", "/api/layers/districts/export?format=gpkg");
        expect(200, "GET", "/api/export?layers=districts,projects");
        expect(400, "GET", "/api/export?layers=,");
        expect(404, "GET", "/api/export?layers=districts,nothing");
        expect(400, "GET", "/api/layers/districts/export?format=xml");
        expect(404, "GET", "/api/layers/nothing/export");
    }

    private void coverage() {
        expect(200, "GET", "/api/coverage/projects?layer=dev-zones&feature=qikai");
        expect(200, "GET", "/api/coverage/projects?layer=districts&feature=220102&mode=near&distance=500&format=csv");
        expect(200, "GET", "/api/coverage/projects?layer=dev-zones&feature=qikai&format=csv&group=city");
        expect(400, "GET", "/api/coverage/projects?layer=dev-zones&feature=qikai&mode=around");
        expect(404, "GET", "/api/coverage/projects?layer=dev-zones&feature=nowhere");
        expect(200, "POST", "/api/coverage/projects", SQUARE, JSON);
        expect(200, "POST", "/api/coverage/projects?format=csv", SQUARE, GEOJSON);
        expect(400, "POST", "/api/coverage/projects", "{\"type\":\"Point\",\"coordinates\":[125,43]}", JSON);
        expect(404, "POST", "/api/coverage/projects?source=nothing", SQUARE, JSON);
        expect(415, "POST", "/api/coverage/projects", SQUARE, "text/plain");
        expect(413, "POST", "/api/coverage/projects", " ".repeat(70_000) + SQUARE, JSON);
        expect(200, "GET", "/api/coverage/share?layer=major-zones&feature=auto-city");
        expect(200, "GET", "/api/coverage/share?layer=major-zones&feature=auto-city&format=csv");
        expect(404, "GET", "/api/coverage/share?layer=nothing&feature=auto-city");
        expect(200, "POST", "/api/coverage/share", SQUARE, JSON);
        expect(400, "POST", "/api/coverage/share", "{\"type\":", JSON);
        expect(200, "GET", "/api/identify?lon=125.32&lat=43.88&geometry=true");
        expect(400, "GET", "/api/identify?lon=325&lat=43.88");
        expect(400, "GET", "/api/identify?lat=43.88");
    }

    private void imports() {
        byte[] shapefiles = http.get("/api/layers/dev-zones/export?format=shp").bytes();
        expectUpload(401, upload("contract-zones", shapefiles, Map.of("layer", "contract-zones")));
        expectUpload(403, upload("contract-zones", shapefiles, Map.of("layer", "contract-zones"), "Authorization", READER));
        expectUpload(200, upload("contract-zones", shapefiles, Map.of("layer", "contract-zones", "dryRun", "true"),
                "Authorization", EDITOR));
        expectUpload(400, upload("garbage", "not a zip".getBytes(StandardCharsets.UTF_8), Map.of("layer", "garbage"),
                "Authorization", EDITOR));
        expectUpload(409, upload("districts", shapefiles, Map.of("layer", "districts"), "Authorization", EDITOR));
        Http.Response job = upload("contract-zones", shapefiles, Map.of("layer", "contract-zones"),
                "Authorization", EDITOR);
        expectUpload(202, job);
        expect(415, "POST", "/api/imports", "{}", JSON, "Authorization", EDITOR);
        expect(200, "GET", URI.create(job.header("Location")).getPath());
        expect(404, "GET", "/api/imports/no-such-job");
        expect(200, "GET", "/api/imports");
        expect(200, "GET", "/api/imports/names?file=%E8%A1%8C%E6%94%BF%E5%8C%BA.zip");
        expect(400, "GET", "/api/imports/names");
    }

    /** A second version of the layer the import made, then the changes between the two and its timeline. */
    private void history() throws InterruptedException {
        String first = http.get("/api/imports").json().get(0).get("id").asString();
        awaitJob("/api/imports/" + first);
        byte[] shapefiles = http.get("/api/layers/districts/export?format=shp").bytes();
        Http.Response second = upload("contract-zones", shapefiles, Map.of("layer", "contract-zones"),
                "Authorization", EDITOR);
        expectUpload(202, second);
        awaitJob(URI.create(second.header("Location")).getPath());
        expect(200, "GET", "/api/layers/contract-zones/changes");
        expect(200, "GET", "/api/layers/contract-zones/changes?format=geojson");
        expect(200, "GET", "/api/layers/contract-zones/changes?format=csv");
        expect(400, "GET", "/api/layers/contract-zones/changes?format=xml");
        expect(400, "GET", "/api/layers/contract-zones/changes?key=nothing");
        expect(404, "GET", "/api/layers/districts/changes");
        expect(404, "GET", "/api/layers/nothing/changes");
        expect(200, "GET", "/api/layers/contract-zones/timeline");
        expect(400, "GET", "/api/layers/contract-zones/timeline?limit=0");
        expect(404, "GET", "/api/layers/nothing/timeline");
    }

    private void awaitJob(String location) throws InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            if (!http.get(location).json().get("state").asString().equals("RUNNING")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + location + " did not finish in 30 s");
    }

    private void accounts() {
        expect(401, "GET", "/api/admin/accounts");
        expect(403, "GET", "/api/admin/accounts", null, null, "Authorization", EDITOR);
        expect(200, "GET", "/api/admin/accounts", null, null, "Authorization", ADMIN);
        String account = "{\"username\":\"contract-editor\",\"password\":\"a long enough passphrase\",\"roles\":[\"EDITOR\"]}";
        expect(200, "PUT", "/api/admin/accounts/contract-editor", account, JSON, "Authorization", ADMIN);
        expect(400, "PUT", "/api/admin/accounts/someone-else", account, JSON, "Authorization", ADMIN);
        expect(200, "GET", "/api/admin/keys", null, null, "Authorization", ADMIN);
        Http.Response key = expect(201, "POST", "/api/admin/keys", "{\"name\":\"contract\",\"roles\":[\"EDITOR\"]}", JSON,
                "Authorization", ADMIN);
        String keyId = key.json().get("api_key").get("id").asString();
        expect(200, "GET", "/api/layers", null, null, "X-API-Key", key.json().get("key").asString());
        expect(204, "DELETE", "/api/admin/keys/" + keyId, null, null, "Authorization", ADMIN);
        expect(404, "DELETE", "/api/admin/keys/" + keyId, null, null, "Authorization", ADMIN);
        expect(200, "GET", "/api/admin/audit?limit=5", null, null, "Authorization", ADMIN);
        expect(400, "GET", "/api/admin/audit?limit=0", null, null, "Authorization", ADMIN);
        session();
    }

    /** The page's sign-in: the CSRF cookie from /api/me, then the form with it. */
    private void session() {
        expect(403, "POST", "/api/session", "username=editor&password=editor-secret",
                "application/x-www-form-urlencoded");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        check(401, "POST", "/api/session", signIn(browser, "/api/session", "username=editor&password=wrong"));
        check(200, "POST", "/api/session", signIn(browser, "/api/session", "username=editor&password=editor-secret"));
        check(204, "POST", "/api/session/logout", signIn(browser, "/api/session/logout", ""));
    }

    private void ogcFeatures() {
        expect(200, "GET", "/ogc");
        expect(200, "GET", "/ogc/?f=html");
        expect(200, "GET", "/ogc", null, null, "Accept", "image/png");
        expect(200, "GET", "/ogc/collections?f=json", null, null, "Accept", "text/html");
        expect(400, "GET", "/ogc?f=xml");
        expect(200, "GET", "/ogc/conformance");
        expect(200, "GET", "/ogc/conformance", null, null, "Accept", "text/html");
        expect(200, "GET", "/ogc/collections");
        expect(200, "GET", "/ogc/collections?f=html");
        expect(200, "GET", "/ogc/collections/districts");
        expect(404, "GET", "/ogc/collections/nothing");
        expect(200, "GET", "/ogc/collections/projects/queryables");
        expect(404, "GET", "/ogc/collections/nothing/queryables");
        expect(200, "GET", "/ogc/collections/major-zones/schema");
        expect(200, "GET", "/ogc/collections/major-zones/schema?f=html");
        expect(404, "GET", "/ogc/collections/nothing/schema");
        expect(200, "GET", "/ogc/collections/projects/sortables");
        expect(404, "GET", "/ogc/collections/nothing/sortables");
        expect(200, "GET", "/ogc/collections/districts/items");
        expect(200, "GET", "/ogc/collections/projects/items?limit=5&offset=5&bbox=124,43,127,45&sortby=-start_year"
                + "&properties=name_zh,start_year&crs=http://www.opengis.net/def/crs/EPSG/0/4490");
        expect(200, "GET", "/ogc/collections/districts/items?filter=" + encode("name_zh LIKE '%区'")
                + "&filter-lang=cql2-text&adcode=220102");
        expect(200, "GET", "/ogc/collections/districts/items?f=html");
        expect(400, "GET", "/ogc/collections/districts/items?limit=0");
        expect(400, "GET", "/ogc/collections/districts/items?filter=" + encode("name_zh LIKE"));
        expect(404, "GET", "/ogc/collections/nothing/items");
        Http.Response item = expect(200, "GET", "/ogc/collections/districts/items/220102");
        expect(304, "GET", "/ogc/collections/districts/items/220102", null, null, "If-None-Match", item.header("ETag"));
        expect(200, "GET", "/ogc/collections/districts/items/220102?f=html");
        expect(400, "GET", "/ogc/collections/districts/items/220102?crs=EPSG:0");
        expect(404, "GET", "/ogc/collections/districts/items/nothing");
    }

    private void ogcEdits() {
        String items = "/ogc/collections/projects/items";
        expect(401, "POST", items, NEW_PROJECT, GEOJSON);
        expect(403, "POST", items, NEW_PROJECT, GEOJSON, "Authorization", READER);
        expect(201, "POST", items, NEW_PROJECT, GEOJSON, "Authorization", EDITOR);
        expect(409, "POST", items, NEW_PROJECT, GEOJSON, "Authorization", EDITOR);
        expect(405, "POST", "/ogc/collections/districts/items", NEW_PROJECT, GEOJSON, "Authorization", EDITOR);
        expect(404, "POST", "/ogc/collections/nothing/items", NEW_PROJECT, GEOJSON, "Authorization", EDITOR);
        expect(400, "POST", items, "{\"type\":\"Feature\"}", GEOJSON, "Authorization", EDITOR);
        expect(415, "POST", items, NEW_PROJECT, "text/plain", "Authorization", EDITOR);
        expect(413, "POST", items, " ".repeat(70_000) + NEW_PROJECT, GEOJSON, "Authorization", EDITOR);
        expect(204, "PUT", items + "/contract-test", NEW_PROJECT, GEOJSON, "Authorization", EDITOR);
        expect(404, "PUT", items + "/nothing", NEW_PROJECT.replace("contract-test", "nothing"), GEOJSON,
                "Authorization", EDITOR);
        expect(400, "PUT", items + "/contract-test", NEW_PROJECT.replace("contract-test", "other"), GEOJSON,
                "Authorization", EDITOR);
        expect(204, "PATCH", items + "/contract-test", "{\"properties\":{\"name_en\":\"patched\"}}",
                "application/merge-patch+json", "Authorization", EDITOR);
        expect(405, "PATCH", "/ogc/collections/districts/items/220102", "{}", "application/merge-patch+json",
                "Authorization", EDITOR);
        expect(204, "DELETE", items + "/contract-test", null, null, "Authorization", EDITOR);
        expect(404, "DELETE", items + "/contract-test", null, null, "Authorization", EDITOR);
        expect(405, "DELETE", "/ogc/collections/districts/items/220102", null, null, "Authorization", EDITOR);
    }

    private void tiles() {
        expect(200, "GET", "/ogc/tiles");
        expect(200, "GET", "/ogc/tiles/WebMercatorQuad");
        expect(404, "GET", "/ogc/tiles/Nowhere");
        expect(200, "GET", "/ogc/tiles/WebMercatorQuad/tilejson.json");
        Http.Response tile = expect(200, "GET", "/ogc/tiles/WebMercatorQuad/8/93/217");
        expect(304, "GET", "/ogc/tiles/WebMercatorQuad/8/93/217", null, null, "If-None-Match", tile.header("ETag"));
        expect(204, "GET", "/ogc/tiles/WebMercatorQuad/8/0/0");
        expect(404, "GET", "/ogc/tiles/WebMercatorQuad/30/0/0");
        expect(400, "GET", "/ogc/tiles/WebMercatorQuad/8/93/east");
        expect(200, "GET", "/ogc/collections/districts/tiles");
        expect(404, "GET", "/ogc/collections/nothing/tiles");
        expect(200, "GET", "/ogc/collections/districts/tiles/WebMercatorQuad");
        expect(200, "GET", "/ogc/collections/districts/tiles/WebMercatorQuad/tilejson.json");
        expect(200, "GET", "/ogc/collections/districts/tiles/WebMercatorQuad/8/93/217",
                null, null, "Accept-Encoding", "gzip");
        expect(204, "GET", "/ogc/collections/districts/tiles/WebMercatorQuad/8/0/0");
        expect(404, "GET", "/ogc/collections/nothing/tiles/WebMercatorQuad/8/93/217");
        expect(200, "GET", "/ogc/tileMatrixSets");
        expect(200, "GET", "/ogc/tileMatrixSets/WebMercatorQuad");
        expect(404, "GET", "/ogc/tileMatrixSets/Nowhere");
    }

    private void monitoring() {
        String figures = "{\"observations\": [{\"indicator\": \"grain-output\", \"year\": 2025, \"area\": \"220182\", "
                + "\"value\": 61.3, \"source\": \"榆树市2025年统计公报\"}]}";
        expect(200, "GET", "/api/indicators");
        expect(200, "GET", "/api/indicators?city=agriculture&status=on_track");
        expect(200, "GET", "/api/indicators?format=csv");
        expect(400, "GET", "/api/indicators?status=behind");
        expect(400, "GET", "/api/indicators?format=xml");
        expect(406, "GET", "/api/indicators/gdp", null, null, "Accept", "text/csv");
        expect(200, "GET", "/api/indicators/gdp");
        expect(404, "GET", "/api/indicators/nothing");
        expect(200, "GET", "/api/cities/agriculture/indicators");
        expect(404, "GET", "/api/cities/nowhere/indicators");
        expect(200, "GET", "/api/indicators/observations?indicator=gdp");
        expect(200, "GET", "/api/indicators/observations?format=csv");
        expect(404, "GET", "/api/indicators/observations?indicator=nothing");
        expect(401, "POST", "/api/indicators/observations", figures, JSON);
        expect(403, "POST", "/api/indicators/observations", figures, JSON, "Authorization", READER);
        expect(200, "POST", "/api/indicators/observations?dryRun=true", figures, JSON, "Authorization", EDITOR);
        expect(200, "POST", "/api/indicators/observations", figures, JSON, "Authorization", EDITOR);
        expect(400, "POST", "/api/indicators/observations", figures.replace("2025", "1999"), JSON,
                "Authorization", EDITOR);
        expect(415, "POST", "/api/indicators/observations", figures, "text/plain", "Authorization", EDITOR);
        byte[] table = "指标,年份,区域,数值,来源\ngrain-output,2025,榆树市,61.4,榆树市2025年统计公报\n"
                .getBytes(java.nio.charset.Charset.forName("GBK"));
        check(200, "POST", "/api/indicators/observations", http.upload("/api/indicators/observations", "粮食.csv", table,
                Map.of("dryRun", "true"), "Authorization", EDITOR));
        check(400, "POST", "/api/indicators/observations", http.upload("/api/indicators/observations", "bad.csv",
                "nothing".getBytes(StandardCharsets.UTF_8), Map.of(), "Authorization", EDITOR));
        String one = "/api/indicators/grain-output/observations/2024/220182";
        expect(200, "PUT", one, "{\"value\": 60.9, \"source\": \"榆树市2024年统计公报\"}", JSON, "Authorization", EDITOR);
        expect(201, "PUT", "/api/indicators/grain-output/observations/2019/220182", "{\"value\": 50, \"sample\": true}",
                JSON, "Authorization", EDITOR);
        expect(400, "PUT", one, "{\"value\": \"lots\"}", JSON, "Authorization", EDITOR);
        expect(404, "PUT", "/api/indicators/nothing/observations/2024/220182", "{\"value\": 1}", JSON,
                "Authorization", EDITOR);
        expect(401, "DELETE", one);
        expect(204, "DELETE", "/api/indicators/grain-output/observations/2019/220182", null, null,
                "Authorization", EDITOR);
        expect(404, "DELETE", "/api/indicators/grain-output/observations/2019/220182", null, null,
                "Authorization", EDITOR);
        expect(400, "DELETE", "/api/indicators/grain-output/observations/next/220182", null, null,
                "Authorization", EDITOR);
        expect(200, "GET", "/ogc/collections/district-indicators/items?filter=" + encode("grain_output > 50"));
        expect(409, "POST", "/api/layers/district-indicators/versions/1/restore", null, null, "Authorization", EDITOR);
    }

    private void maps() {
        expect(200, "GET", "/ogc/styles");
        expect(200, "GET", "/ogc/styles/plan");
        expect(404, "GET", "/ogc/styles/other");
        Http.Response map = expect(200, "GET", "/ogc/map?bbox=125.1,43.7,125.6,44.05&width=256&height=256");
        expect(304, "GET", "/ogc/map?bbox=125.1,43.7,125.6,44.05&width=256&height=256", null, null, "If-None-Match",
                map.header("ETag"));
        expect(400, "GET", "/ogc/map?width=99999");
        expect(200, "GET", "/ogc/collections/districts/map?width=128&f=jpeg");
        expect(404, "GET", "/ogc/collections/nothing/map");
        expect(200, "GET", "/wms?SERVICE=WMS&REQUEST=GetCapabilities");
        expect(200, "GET", "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=plan&STYLES=&CRS=EPSG:4326"
                + "&BBOX=43.7,125.1,44.05,125.6&WIDTH=256&HEIGHT=256&FORMAT=image/png");
        expect(200, "GET", "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=districts&QUERY_LAYERS=districts"
                + "&STYLES=&CRS=EPSG:4326&BBOX=43.7,125.1,44.05,125.6&WIDTH=256&HEIGHT=256&I=128&J=128"
                + "&INFO_FORMAT=application/json");
        expect(200, "GET", "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=projects&FORMAT=image/png");
        expect(400, "GET", "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=nowhere&STYLES=&CRS=EPSG:4326"
                + "&BBOX=43.7,125.1,44.05,125.6&WIDTH=256&HEIGHT=256&FORMAT=image/png");
        expect(200, "GET", "/api/statistics/projects?group=city&measure=investment");
        expect(200, "GET", "/api/statistics/projects?group=district&format=csv");
        expect(400, "GET", "/api/statistics/projects?group=colour");
        expect(404, "GET", "/api/statistics/projects?source=nothing");
        expect(200, "POST", "/api/maps/print", "{\"paper\": \"A4\", \"bbox\": [125.1, 43.7, 125.6, 44.05], \"dpi\": 150}",
                JSON);
        expect(400, "POST", "/api/maps/print", "{\"paper\": \"A0\"}", JSON);
    }

    private void compliance() throws InterruptedException {
        String check = "/api/compliance/check?city=automobile&industry=" + encode("新装备");
        expect(200, "POST", check, SQUARE, JSON);
        expect(200, "POST", check, "{\"type\":\"Point\",\"coordinates\":[125.235,43.86]}", GEOJSON);
        expect(400, "POST", check, "{\"type\":\"Point\",\"coordinates\":[116.4,39.9]}", JSON);
        expect(400, "POST", "/api/compliance/check?city=atlantis", SQUARE, JSON);
        expect(400, "POST", "/api/compliance/check", SQUARE, JSON);
        expect(406, "POST", check, SQUARE, JSON, "Accept", "text/csv");
        expect(415, "POST", check, SQUARE, "text/plain");
        expect(413, "POST", check, " ".repeat(70_000) + SQUARE, JSON);
        byte[] zones = http.get("/api/layers/dev-zones/export?format=shp").bytes();
        String shapefile = "/api/compliance/check/shapefile";
        check(200, "POST", shapefile, http.upload(shapefile, "zones.zip", zones, Map.of("city", "sci-tech")));
        check(400, "POST", shapefile, http.upload(shapefile, "zones.zip", "not a zip".getBytes(StandardCharsets.UTF_8),
                Map.of("city", "sci-tech")));
        expect(415, "POST", shapefile, "{}", JSON);
        expect(200, "GET", "/api/compliance/projects/p001");
        expect(200, "GET", "/api/compliance/projects/p001?city=agriculture");
        expect(404, "GET", "/api/compliance/projects/nothing-here");
        expect(400, "GET", "/api/compliance/projects/p001?industry=steel");
        expect(200, "GET", "/api/compliance/projects");
        expect(200, "GET", "/api/compliance/projects?verdict=non-compliant&format=csv");
        expect(400, "GET", "/api/compliance/projects?source=nothing");
        expect(200, "GET", "/api/compliance/conflicts?layer=dev-zones&against=agri-belts");
        expect(200, "GET", "/api/compliance/conflicts?layer=dev-zones&against=eco-redline-sample&format=csv");
        expect(400, "GET", "/api/compliance/conflicts?layer=dev-zones&against=nothing");
        expect(200, "GET", "/api/compliance/rules");
        expect(200, "GET", "/api/compliance/constraints");
        for (int i = 0; i < 60 && http.get("/api/layers/contract-zones").status() != 200; i++) {
            Thread.sleep(500);
        }
        String farmland = "{\"kind\":\"basic-farmland\"}";
        expect(401, "PUT", "/api/compliance/constraints/contract-zones", farmland, JSON);
        expect(403, "PUT", "/api/compliance/constraints/contract-zones", farmland, JSON, "Authorization", READER);
        expect(200, "PUT", "/api/compliance/constraints/contract-zones", farmland, JSON, "Authorization", EDITOR);
        expect(400, "PUT", "/api/compliance/constraints/contract-zones", "{\"kind\":\"swamp\"}", JSON,
                "Authorization", EDITOR);
        expect(404, "PUT", "/api/compliance/constraints/nothing", farmland, JSON, "Authorization", EDITOR);
        expect(409, "PUT", "/api/compliance/constraints/districts", farmland, JSON, "Authorization", EDITOR);
        expect(415, "PUT", "/api/compliance/constraints/contract-zones", farmland, "text/plain", "Authorization", EDITOR);
        expect(204, "DELETE", "/api/compliance/constraints/contract-zones", null, null, "Authorization", EDITOR);
        expect(404, "DELETE", "/api/compliance/constraints/contract-zones", null, null, "Authorization", EDITOR);
        expect(409, "DELETE", "/api/compliance/constraints/districts", null, null, "Authorization", EDITOR);
        expect(401, "DELETE", "/api/compliance/constraints/contract-zones");
    }

    // --- sending and checking --------------------------------------------------------------------

    private Http.Response expect(int status, String method, String pathAndQuery) {
        return expect(status, method, pathAndQuery, null, null);
    }

    private Http.Response expect(int status, String method, String pathAndQuery, String body, String contentType,
                                 String... headers) {
        Http.Response response = http.send(method, pathAndQuery, body, contentType, headers);
        check(status, method, pathAndQuery, response);
        return response;
    }

    private void expectUpload(int status, Http.Response response) {
        check(status, "POST", "/api/imports", response);
    }

    private void check(int status, String method, String pathAndQuery, Http.Response response) {
        String path = URI.create(pathAndQuery.replace(" ", "%20")).getPath();
        contract.operationOf(method, path).ifPresent(operation -> called.add(operation.toString()));
        String request = method + " " + pathAndQuery + " → " + response.status() + " " + response.contentType();
        if (response.status() != status) {
            failures.add(request + ": expected " + status + "; " + abbreviate(response.body()));
        }
        List<String> problems = contract.problems(method, path, response);
        if (!problems.isEmpty()) {
            failures.add(request + ": " + problems);
        }
    }

    private Http.Response upload(String fileName, byte[] zip, Map<String, String> fields, String... headers) {
        return http.upload("/api/imports", fileName + ".zip", zip, fields, headers);
    }

    /** A page's form post: its cookies kept, the CSRF token from GET /api/me's cookie in the header. */
    private Http.Response signIn(HttpClient browser, String path, String form) {
        try {
            browser.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/me")).build(),
                    HttpResponse.BodyHandlers.discarding());
            String token = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies()
                    .stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
                    .findFirst().orElseThrow();
            HttpResponse<byte[]> answer = browser.send(HttpRequest.newBuilder(URI.create(http.base() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Http.Response(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""),
                    new String(answer.body(), StandardCharsets.UTF_8), answer.headers(), answer.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
