package org.changchun.layout.tiles.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.changchun.layout.geo.WebMercator;
import org.changchun.layout.support.Gdal;
import org.changchun.layout.support.Http;
import org.changchun.layout.tiles.TileAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/** Vector tiles over HTTP as map clients and GDAL use them; run on each store by the subclasses. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "plan.security.users[0].name=editor",
    "plan.security.users[0].password={noop}editor-secret",
    "plan.security.users[0].roles=EDITOR"})
abstract class TilesTest {

    /** z10 tile over the city centre (125.32E 43.88N). */
    static final String CENTRE_TILE = "10/372/868";
    /** z14 tile over the 汽开区 (FAW area, 125.215E 43.855N). */
    static final String AUTO_ZONE_TILE = "14/5966/13890";

    @LocalServerPort
    int port;

    /** The servlet container's, behind the front door. */
    @Value("${local.container.port}")
    int containerPort;

    Http http;

    @Autowired
    PublicTiles publicTiles;

    @Autowired
    MeterRegistry meters;

    @TempDir
    Path temp;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aCityCentreTileHoldsTheDistrictsWithChineseNamesAndGdalReadsIt() throws Exception {
        Http.Response tile = http.get("/ogc/collections/districts/tiles/WebMercatorQuad/" + CENTRE_TILE);
        assertThat(tile.status()).isEqualTo(200);
        assertThat(tile.contentType()).isEqualTo("application/vnd.mapbox-vector-tile");
        String decoded = gdal(tile.bytes(), CENTRE_TILE);
        assertThat(decoded).contains("Layer name: districts").contains("name_zh (String) = 南关区")
                .contains("name_zh (String) = 朝阳区").contains("name_zh (String) = 绿园区");
    }

    @Test
    void aTileOverTheAutoZoneHoldsTheSampleProjectsThere() throws Exception {
        Http.Response tile = http.get("/ogc/collections/projects/tiles/WebMercatorQuad/" + AUTO_ZONE_TILE);
        assertThat(tile.status()).isEqualTo(200);
        String decoded = gdal(tile.bytes(), AUTO_ZONE_TILE);
        JsonNode inBox = projectsInAutoZoneTile();
        List<String> names = new ArrayList<>();
        inBox.get("features").forEach(f -> names.add(f.get("properties").get("name_zh").asString()));
        assertThat(names).isNotEmpty();
        names.forEach(name -> assertThat(decoded).contains("name_zh (String) = " + name));
        assertThat(decoded).contains("（示例）");
    }

    @Test
    void theWholePlanTileHasOneLayerPerCollection() throws Exception {
        Http.Response tile = http.get("/ogc/tiles/WebMercatorQuad/" + CENTRE_TILE);
        assertThat(tile.status()).isEqualTo(200);
        String decoded = gdal(tile.bytes(), CENTRE_TILE);
        for (String layer : List.of("districts", "major-zones", "corridors", "dev-zones", "projects")) {
            assertThat(decoded).contains("Layer name: " + layer);
        }
    }

    @Test
    void tilesCarryAStrongEtagAndAreCacheable() {
        String path = "/ogc/collections/districts/tiles/WebMercatorQuad/" + CENTRE_TILE;
        Http.Response first = http.get(path);
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{24}-10-372-868\"");
        assertThat(first.header("Cache-Control")).isEqualTo("max-age=60, public");
        assertThat(http.get(path).header("ETag")).isEqualTo(etag);
        Http.Response unchanged = http.send("GET", path, null, null, "If-None-Match", etag);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.bytes()).isEmpty();
        assertThat(http.send("GET", path, null, null, "If-None-Match", "\"other\"").status()).isEqualTo(200);
        // as a cache with several versions, or one that weakened the tag, revalidates; on both paths
        for (String[] credentials : List.of(new String[0], new String[] {"Authorization", Http.basic("editor", "editor-secret")})) {
            for (String ifNoneMatch : List.of("\"other\", " + etag, "W/" + etag, "*")) {
                String[] headers = java.util.stream.Stream.concat(java.util.stream.Stream.of("If-None-Match", ifNoneMatch),
                        java.util.Arrays.stream(credentials)).toArray(String[]::new);
                assertThat(http.send("GET", path, null, null, headers).status()).as(ifNoneMatch).isEqualTo(304);
            }
        }
    }

    @Test
    void aPublicTileOverHttpsCarriesTheSecurityHeadersEveryAnswerDoes() throws Exception {
        String path = "/ogc/collections/districts/tiles/WebMercatorQuad/" + CENTRE_TILE;
        // behind a proxy that ends TLS, as a deployment would be (server.forward-headers-strategy)
        Http.Response publicAnswer = http.send("GET", path, null, null, "X-Forwarded-Proto", "https");
        Http.Response byTheController = http.send("GET", path, null, null, "X-Forwarded-Proto", "https",
                "Authorization", Http.basic("editor", "editor-secret"));
        assertThat(publicAnswer.status()).isEqualTo(200);
        assertThat(publicAnswer.header("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(publicAnswer.headersBut("date")).isEqualTo(byTheController.headersBut("date"));

        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setSecure(true);
        MockHttpServletResponse response = new MockHttpServletResponse();
        publicTiles.doFilter(request, response, (req, res) -> {
            throw new AssertionError("a public tile is answered before Spring Security");
        });
        assertThat(response.getHeader("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void aPublicTileIsAnsweredAsTheControllerAnswersIt() throws Exception {
        // tiles no other test asks for, so the first request is a miss
        for (String path : List.of("/ogc/collections/districts/tiles/WebMercatorQuad/11/744/1736",
                "/ogc/tiles/WebMercatorQuad/11/745/1737", "/ogc/collections/districts/tiles/WebMercatorQuad/4/0/0")) {
            assertThat(answeredBeforeSpringSecurity(path)).as("a miss skips Spring Security and MVC").isTrue();
            Http.Response miss = http.get(path);
            Http.Response hit = http.get(path);
            // credentials send a request down the full chain to the controller
            Http.Response byTheController = http.send("GET", path, null, null,
                    "Authorization", Http.basic("editor", "editor-secret"));

            assertThat(hit.status()).isEqualTo(miss.status()).isEqualTo(byTheController.status()).isIn(200, 204);
            assertThat(hit.bytes()).isEqualTo(miss.bytes()).isEqualTo(byTheController.bytes());
            assertThat(hit.headersBut("date")).isEqualTo(miss.headersBut("date"))
                    .isEqualTo(byTheController.headersBut("date"));
            assertThat(hit.header("Set-Cookie")).as("a public tile sets no cookie, so shared caches store it").isNull();
            assertThat(answeredBeforeSpringSecurity(path)).as("so does a hit").isTrue();

            String etag = miss.header("ETag");
            Http.Response revalidated = http.send("GET", path, null, null, "If-None-Match", etag);
            Http.Response revalidatedByTheController = http.send("GET", path, null, null, "If-None-Match", etag,
                    "Authorization", Http.basic("editor", "editor-secret"));
            assertThat(revalidated.status()).isEqualTo(304);
            assertThat(answeredBeforeSpringSecurity(path, "If-None-Match", etag)).as("and a revalidation").isTrue();
            assertThat(revalidatedByTheController.status()).isEqualTo(304);
            assertThat(revalidated.headersBut("date")).isEqualTo(revalidatedByTheController.headersBut("date"));
        }
    }

    @Test
    void aClientThatAcceptsGzipGetsTheTileCompressedUnderItsOwnEtag() throws Exception {
        // tiles no other test asks for: the first request of each coding is a miss, the second a hit
        for (String path : List.of("/ogc/collections/districts/tiles/WebMercatorQuad/11/744/1737",
                "/ogc/tiles/WebMercatorQuad/11/744/1736")) {
            Http.Response identity = http.get(path);
            for (String[] credentials : List.of(new String[0],
                    new String[] {"Authorization", Http.basic("editor", "editor-secret")})) {
                Http.Response gzipped = http.send("GET", path, null, null,
                        with(credentials, "Accept-Encoding", "gzip, deflate, br"));
                Http.Response again = http.send("GET", path, null, null, with(credentials, "Accept-Encoding", "gzip"));
                assertThat(gzipped.status()).isEqualTo(again.status()).isEqualTo(200);
                assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
                assertThat(gzipped.headers().allValues("Vary")).contains("Accept-Encoding");
                assertThat(gzipped.header("Content-Type")).isEqualTo("application/vnd.mapbox-vector-tile");
                assertThat(gunzip(gzipped.bytes())).isEqualTo(identity.bytes());
                assertThat(gzipped.bytes()).hasSizeLessThan(identity.bytes().length).isEqualTo(again.bytes());
                String etag = gzipped.header("ETag");
                assertThat(etag).isEqualTo(identity.header("ETag").replaceFirst("\"$", "-gzip\""))
                        .isEqualTo(again.header("ETag"));

                Http.Response revalidated = http.send("GET", path, null, null,
                        with(credentials, "Accept-Encoding", "gzip", "If-None-Match", etag));
                assertThat(revalidated.status()).isEqualTo(304);
                assertThat(revalidated.header("ETag")).isEqualTo(etag);
                assertThat(revalidated.headers().allValues("Vary")).contains("Accept-Encoding");
                // the other coding is another representation: its tag does not revalidate this one
                assertThat(http.send("GET", path, null, null, with(credentials, "If-None-Match", etag)).status())
                        .isEqualTo(200);
                assertThat(http.send("GET", path, null, null, with(credentials, "Accept-Encoding", "gzip;q=0")).bytes())
                        .isEqualTo(identity.bytes());
            }
        }
        String centre = "/ogc/collections/districts/tiles/WebMercatorQuad/" + CENTRE_TILE;
        Http.Response publicAnswer = http.send("GET", centre, null, null, "Accept-Encoding", "gzip");
        Http.Response byTheController = http.send("GET", centre, null, null, "Accept-Encoding", "gzip",
                "Authorization", Http.basic("editor", "editor-secret"));
        assertThat(publicAnswer.headersBut("date")).as("the public path answers as the controller does")
                .isEqualTo(byTheController.headersBut("date"));
        // a map on another origin: answered before the chain too, with the headers CORS processing gives the controller's
        String elsewhere = "https://someone-elses-map.example.org";
        assertThat(answeredBeforeSpringSecurity(centre, "Origin", elsewhere)).isTrue();
        assertThat(answeredBeforeSpringSecurity(centre, "Origin", elsewhere, "Cookie", "JSESSIONID=x"))
                .as("with a cookie it is a credentialed request, whose origin the chain checks").isFalse();
        Http.Response crossOrigin = http.send("GET", centre, null, null, "Accept-Encoding", "gzip", "Origin", elsewhere);
        Http.Response crossOriginByTheController = http.send("GET", centre + "?through=the-chain", null, null,
                "Accept-Encoding", "gzip", "Origin", elsewhere);
        assertThat(crossOrigin.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(crossOrigin.headersBut("date")).as("the public path answers another origin as the controller does")
                .isEqualTo(crossOriginByTheController.headersBut("date"));
        Http.Response empty = http.send("GET", "/ogc/collections/districts/tiles/WebMercatorQuad/3/0/0", null, null,
                "Accept-Encoding", "gzip");
        assertThat(empty.status()).isEqualTo(204);
        assertThat(empty.header("Content-Encoding")).isNull();
        assertThat(empty.header("ETag")).endsWith("-gzip\"");
    }

    private static String[] with(String[] credentials, String... headers) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(headers), java.util.Arrays.stream(credentials))
                .toArray(String[]::new);
    }

    private static byte[] gunzip(byte[] compressed) throws java.io.IOException {
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }

    @Test
    void aCachedTileAskedForWithBadCredentialsIsStillRefused() {
        String path = "/ogc/collections/districts/tiles/WebMercatorQuad/" + CENTRE_TILE;
        assertThat(http.get(path).status()).isEqualTo(200);
        assertThat(http.send("GET", path, null, null, "X-API-Key", "ccp_no-such-key").status()).isEqualTo(401);
        assertThat(http.send("GET", path, null, null, "Authorization", Http.basic("editor", "wrong")).status())
                .isEqualTo(401);
    }

    /**
     * Whether {@link PublicTiles} answers this anonymous request itself, without passing it down the chain.
     *
     * @param headers name, value, name, value…
     */
    private boolean answeredBeforeSpringSecurity(String path, String... headers) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        boolean[] passedOn = {false};
        publicTiles.doFilter(request, new MockHttpServletResponse(), (req, res) -> passedOn[0] = true);
        return !passedOn[0];
    }

    @Test
    void theFrontDoorAnswersEveryRequestAsTheServletContainerDoes() {
        Http container = new Http(containerPort);
        String tile = "/ogc/collections/districts/tiles/WebMercatorQuad/" + CENTRE_TILE;
        String editor = Http.basic("editor", "editor-secret");
        List<String[]> requests = List.of(
                new String[] {"GET", tile},
                new String[] {"GET", "/ogc/collections/districts/tiles/WebMercatorQuad/10/371/864"},
                new String[] {"GET", "/ogc/tiles/WebMercatorQuad/" + CENTRE_TILE},
                new String[] {"GET", tile, "Accept-Encoding", "gzip, deflate"},
                new String[] {"GET", tile, "If-None-Match", http.get(tile).header("ETag")},
                new String[] {"GET", tile, "If-None-Match", "*"},
                new String[] {"HEAD", tile},
                new String[] {"GET", tile + "?f=mvt"},
                new String[] {"GET", tile, "Authorization", editor},
                new String[] {"GET", tile, "Authorization", Http.basic("editor", "wrong")},
                new String[] {"GET", tile, "Origin", "https://maps.example.org"},
                new String[] {"GET", "/ogc/collections/districts/tiles/WebMercatorQuad/25/0/0"},
                new String[] {"GET", "/ogc/collections/nowhere/tiles/WebMercatorQuad/3/0/0"},
                new String[] {"GET", "/ogc/collections/districts/tiles/WebMercatorQuad/z/0/0"},
                new String[] {"GET", "/ogc/collections/districts/tiles/WorldCRS84Quad/3/0/0"},
                new String[] {"GET", "/ogc/collections/districts/tiles/WebMercatorQuad/tilejson.json"},
                new String[] {"POST", "/ogc/collections/projects/items"},
                // bodies over one of the relay's 64 KiB chunks: one of a declared length (94 KiB), one streamed
                new String[] {"GET", "/ogc/collections/districts/items/220122"},
                new String[] {"GET", "/api/layers/districts/export?format=geojson"});
        for (String[] request : requests) {
            String[] headers = java.util.Arrays.copyOfRange(request, 2, request.length);
            Http.Response byApi = container.send(request[0], request[1], null, null, headers);
            Http.Response byTilePort = http.send(request[0], request[1], null, null, headers);
            String described = String.join(" ", request);
            assertThat(byTilePort.status()).as(described).isEqualTo(byApi.status());
            // links name the port the client asked
            assertThat(byTilePort.body()).as(described)
                    .isEqualTo(byApi.body().replace("localhost:" + containerPort, "localhost:" + port));
            if (byApi.body().equals(byTilePort.body())) {
                assertThat(byTilePort.bytes()).as(described).isEqualTo(byApi.bytes());
            }
            assertThat(byTilePort.headersBut("date", "connection", "keep-alive", "content-length")).as(described)
                    .isEqualTo(byApi.headersBut("date", "connection", "keep-alive", "content-length"));
        }
    }

    @Test
    void theFrontDoorAnswersAnonymousTileReadsItselfAndHandsOnTheRest() {
        Http tilePort = http;
        // a tile no other test asks for, so the first answer is encoded, not cached
        String tile = "/ogc/collections/districts/tiles/WebMercatorQuad/11/745/1736";
        double relayed = meters.get("plan.front-door.relayed").counter().count();
        long timed = tileRequestsTimed(200);

        Http.Response first = tilePort.get(tile);
        assertThat(first.status()).isEqualTo(200);
        assertThat(tilePort.get(tile).bytes()).isEqualTo(first.bytes());
        assertThat(tilePort.send("GET", tile, null, null, "If-None-Match", first.header("ETag")).status()).isEqualTo(304);
        assertThat(tilePort.get("/ogc/collections/districts/tiles/WebMercatorQuad/10/371/864").status()).isEqualTo(204);
        assertThat(meters.get("plan.front-door.relayed").counter().count()).isEqualTo(relayed);
        assertThat(tileRequestsTimed(200)).as("counted in the request timers, as on the API port").isEqualTo(timed + 2);

        assertThat(tilePort.send("GET", tile, null, null, "Authorization", Http.basic("editor", "editor-secret"))
                .status()).isEqualTo(200);
        assertThat(tilePort.get("/ogc/collections/districts/tiles/WebMercatorQuad/25/0/0").status()).isEqualTo(404);
        assertThat(tilePort.get("/ogc").status()).isEqualTo(200);
        assertThat(meters.get("plan.front-door.relayed").counter().count()).isEqualTo(relayed + 3);
    }

    private long tileRequestsTimed(int status) {
        var timer = meters.find("http.server.requests")
                .tag("uri", "/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}/{z}/{y}/{x}")
                .tag("status", Integer.toString(status)).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void anEditedProjectChangesItsTileAtOnce() throws Exception {
        String path = "/ogc/collections/projects/tiles/WebMercatorQuad/" + AUTO_ZONE_TILE;
        Http.Response before = http.get(path);
        addProjectInAutoZoneTile("tile-edit");
        Http.Response added = http.get(path);
        assertThat(added.header("ETag")).isNotEqualTo(before.header("ETag"));
        assertThat(gdal(added.bytes(), AUTO_ZONE_TILE)).contains("name_zh (String) = 瓦片测试项目（示例）");

        Http.Response renamed = http.send("PATCH", "/ogc/collections/projects/items/tile-edit",
                "{\"properties\": {\"name_zh\": \"改名后的项目（示例）\"}}", "application/merge-patch+json",
                "Authorization", Http.basic("editor", "editor-secret"));
        assertThat(renamed.status()).isEqualTo(204);
        Http.Response after = http.get(path);
        assertThat(after.header("ETag")).isNotEqualTo(added.header("ETag"));
        assertThat(gdal(after.bytes(), AUTO_ZONE_TILE)).contains("name_zh (String) = 改名后的项目（示例）")
                .doesNotContain("瓦片测试项目");
        assertThat(http.send("GET", path, null, null, "If-None-Match", added.header("ETag")).status()).isEqualTo(200);
    }

    @Test
    void emptyAndImpossibleTilesAreAnsweredQuickly() {
        Http.Response empty = http.get("/ogc/collections/districts/tiles/WebMercatorQuad/3/0/0");
        assertThat(empty.status()).isEqualTo(204);
        assertThat(empty.header("ETag")).isNotNull();
        assertThat(http.get("/ogc/collections/districts/tiles/WebMercatorQuad/23/0/0").status()).isEqualTo(404);
        assertThat(http.get("/ogc/collections/districts/tiles/WebMercatorQuad/2/4/0").status()).isEqualTo(404);
        assertThat(http.get("/ogc/collections/districts/tiles/WebMercatorQuad/2/a/0").status()).isEqualTo(400);
        assertThat(http.get("/ogc/collections/districts/tiles/WorldCRS84Quad/2/0/0").status()).isEqualTo(404);
        assertThat(http.get("/ogc/collections/nope/tiles/WebMercatorQuad/2/0/0").status()).isEqualTo(404);
    }

    @Test
    void describesTilesetsWithTileJsonAndTheTileMatrixSet() {
        JsonNode tileJson = http.get("/ogc/collections/districts/tiles/WebMercatorQuad/tilejson.json").json();
        assertThat(tileJson.get("tilejson").asString()).isEqualTo("3.0.0");
        assertThat(tileJson.get("tiles").get(0).asString())
                .endsWith("/ogc/collections/districts/tiles/WebMercatorQuad/{z}/{y}/{x}");
        assertThat(tileJson.get("bounds").get(0).asDouble()).isBetween(123.5, 124.5);
        assertThat(tileJson.get("center").size()).isEqualTo(3);
        assertThat(tileJson.get("vector_layers").get(0).get("fields").get("name_zh").asString()).isEqualTo("String");
        JsonNode plan = http.get("/ogc/tiles/WebMercatorQuad/tilejson.json").json();
        assertThat(plan.get("vector_layers").size()).isEqualTo(10);
        JsonNode tileset = http.get("/ogc/collections/projects/tiles/WebMercatorQuad").json();
        assertThat(tileset.get("dataType").asString()).isEqualTo("vector");
        assertThat(tileset.get("tileMatrixSetURI").asString())
                .isEqualTo("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad");
        assertThat(tileset.toString()).contains("{tileMatrix}/{tileRow}/{tileCol}");
        assertThat(http.get("/ogc/collections/projects/tiles").json().get("tilesets")).hasSize(1);
        JsonNode matrixSet = http.get("/ogc/tileMatrixSets/WebMercatorQuad").json();
        assertThat(matrixSet.get("tileMatrices").get(0).get("scaleDenominator").asDouble())
                .isBetween(559_082_264.0, 559_082_264.1);
    }

    /** Adds a project at the centre of {@link #AUTO_ZONE_TILE}, as an editor would. */
    void addProjectInAutoZoneTile(String id) {
        org.locationtech.jts.geom.Coordinate centre = WebMercator.toLonLat(TileAddress.of(14, 5966, 13890, 22).mercator())
                .centre();
        String feature = """
                {"type": "Feature", "id": "%s",
                 "properties": {"name_zh": "瓦片测试项目（示例）", "name_en": "Tile test project (sample)",
                                "city": "automobile", "status": "planned", "sample": true},
                 "geometry": {"type": "Point", "coordinates": [%s, %s]}}""".formatted(id, centre.x, centre.y);
        Http.Response created = http.send("POST", "/ogc/collections/projects/items", feature, "application/geo+json",
                "Authorization", Http.basic("editor", "editor-secret"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    /** The projects the items API finds in the box of {@link #AUTO_ZONE_TILE}. */
    JsonNode projectsInAutoZoneTile() {
        Envelope box = WebMercator.toLonLat(TileAddress.of(14, 5966, 13890, 22).mercator());
        return http.get("/ogc/collections/projects/items?limit=100&bbox=" + box.getMinX() + "," + box.getMinY() + ","
                + box.getMaxX() + "," + box.getMaxY()).json();
    }

    private String gdal(byte[] tile, String zyx) throws Exception {
        String[] parts = zyx.split("/");
        Path file = temp.resolve("tile-" + parts[0] + "-" + parts[1] + "-" + parts[2] + ".pbf");
        Files.write(file, tile);
        return Gdal.run("ogrinfo", "-ro", "-al", "-oo", "Z=" + parts[0], "-oo", "Y=" + parts[1], "-oo", "X=" + parts[2],
                "MVT:" + file);
    }
}
