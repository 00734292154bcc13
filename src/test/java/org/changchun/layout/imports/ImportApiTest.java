package org.changchun.layout.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.changchun.layout.shapefile.GdalShapefiles;
import org.changchun.layout.shapefile.ShapefileSet;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.WritePhase;
import org.changchun.layout.store.WriteProgress;
import org.changchun.layout.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Shapefiles as Chinese agencies deliver them, written by GDAL, imported over HTTP as GIS staff
 * would; every bad input refused before anything is written. Run on each store by the subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "plan.security.users[0].name=editor",
    "plan.security.users[0].password={noop}editor-secret",
    "plan.security.users[0].roles=EDITOR",
    "plan.imports.max-expanded-size=5MB",
    "spring.servlet.multipart.max-file-size=2MB",
    "spring.servlet.multipart.max-request-size=2MB"})
abstract class ImportApiTest {

    private static final String EDITOR = Http.basic("editor", "editor-secret");
    private static final Charset GBK = Charset.forName("GBK");

    @LocalServerPort
    int port;

    @Autowired
    ImportJobs imports;

    @Autowired
    FeatureStore store;

    Http http;

    @TempDir
    Path temp;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @ParameterizedTest(name = "{0} {1} cpg={2}")
    @CsvSource({
        "EPSG:4530, GBK, false, GB18030",
        "EPSG:4530, GBK, true, GB18030",
        "EPSG:2387, GBK, false, GB18030",
        "EPSG:4490, UTF-8, true, UTF-8",
        "EPSG:4490, UTF-8, false, UTF-8"})
    void shapefilesAsAgenciesDeliverThemImportWithChineseTextAndCoordinatesWithinAMetre(
            String srs, String encoding, boolean keepCpg, String expectedCharset) throws Exception {
        String layer = "test-" + srs.substring(5) + "-" + encoding.toLowerCase().replace("-", "") + (keepCpg ? "-cpg" : "");
        Path zip = districtsZip(srs, encoding, keepCpg);

        JsonNode report = dryRun(zip, Map.of("layer", layer)).get("shapefiles").get(0);
        assertThat(report.get("encoding").get("charset").asString()).isEqualTo(expectedCharset);
        assertThat(report.get("crs").get("epsg").asInt()).isEqualTo(Integer.parseInt(srs.substring(5)));
        assertThat(report.get("feature_count").asInt()).isEqualTo(3);
        assertThat(report.get("counts").get("written").asInt()).isEqualTo(2);
        assertThat(report.get("counts").get("skipped_empty").asInt()).isEqualTo(1);
        assertThat(report.get("fields").toString()).contains("名称").contains("面积");
        assertThat(http.get("/api/layers/" + layer).status()).as("a dry run writes nothing").isEqualTo(404);

        JsonNode job = importAndWait(zip, Map.of("layer", layer));
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("percent").asInt()).isEqualTo(100);
        JsonNode items = ok("/ogc/collections/" + layer + "/items?sortby=id");
        assertThat(items.get("numberMatched").asInt()).isEqualTo(2);
        JsonNode imported = ok("/api/layers/" + layer).get("extent");
        for (int i = 0; i < 4; i++) {
            assertThat(report.get("extent").get(i).asDouble()).as("the dry run's extent is the layer's, [%d]", i)
                    .isCloseTo(imported.get(i).asDouble(), org.assertj.core.data.Offset.offset(1e-6));
        }
        JsonNode shuangyang = items.get("features").get(0);
        assertThat(shuangyang.get("properties").get("名称").asString()).isEqualTo("双阳区");
        assertThat(shuangyang.get("properties").get("面积").asDouble()).isEqualTo(1677.5);
        assertThat(shuangyang.get("properties").get("代码").asString()).isEqualTo("220112");
        assertThat(items.get("features").get(1).get("properties").get("名称").asString()).isEqualTo("九台区");
        // the source polygon's corners, after a round trip through the projected coordinates
        List<double[]> corners = vertices(shuangyang.get("geometry"));
        for (double[] expected : List.of(new double[] {125.5, 43.4}, new double[] {125.9, 43.7})) {
            assertThat(corners.stream().mapToDouble(c -> metres(c, expected)).min().orElseThrow())
                    .as("nearest vertex to " + expected[0] + "," + expected[1]).isLessThan(1.0);
        }
    }

    @Test
    void twoImportsOfDistrictFilesAreToldApartByIdTitleDateAndAccount() throws Exception {
        Path districts = temp.resolve("行政区.zip");
        Files.copy(districtsZip("EPSG:4490", "UTF-8", true), districts);
        JsonNode suggested = ok("/api/imports/names?file=" + java.net.URLEncoder.encode("行政区.zip", StandardCharsets.UTF_8));
        assertThat(suggested.get("layer").asString()).matches("layer-[0-9a-f]{6}");
        assertThat(suggested.get("title_zh").asString()).as("the plan's districts are 行政区 already")
                .isEqualTo("行政区（2）");
        assertThat(suggested.get("title_en").asString()).isEqualTo("行政区 (2)");

        JsonNode report = dryRun(districts, Map.of()).get("shapefiles").get(0);
        assertThat(report.get("layer").asString()).isEqualTo(suggested.get("layer").asString());
        assertThat(report.get("title_zh").asString()).isEqualTo("行政区（2）");
        assertThat(report.get("crs").get("how_zh").asString()).as("the CRS match explained in Chinese first")
                .startsWith("按参数匹配：基准面 CGCS2000");
        assertThat(report.get("crs").get("how_en").asString()).startsWith("matched by parameters: ");

        String first = importAndWait(districts, Map.of()).get("report").get("shapefiles").get(0).get("layer").asString();
        String second = importAndWait(districts, Map.of()).get("report").get("shapefiles").get(0).get("layer").asString();
        assertThat(first).isEqualTo(suggested.get("layer").asString());
        assertThat(second).isEqualTo(first + "-2");
        JsonNode firstLayer = ok("/api/layers/" + first);
        JsonNode secondLayer = ok("/api/layers/" + second);
        assertThat(firstLayer.get("title_zh").asString()).isEqualTo("行政区（2）");
        assertThat(secondLayer.get("title_zh").asString()).isEqualTo("行政区（3）");
        assertThat(secondLayer.get("title_en").asString()).isEqualTo("行政区 (3)");
        assertThat(secondLayer.get("imported_by").asString()).isEqualTo("editor");
        assertThat(java.time.OffsetDateTime.parse(secondLayer.get("imported_at").asString()))
                .isAfterOrEqualTo(java.time.OffsetDateTime.parse(firstLayer.get("imported_at").asString()));
        assertThat(ok("/api/layers/districts").has("imported_by")).as("the plan's layers are not imported").isFalse();
        // the upload is moved out of the servlet container's temporary folder, not copied, and digested whole
        String uploaded = "sha256:" + java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(districts)));
        assertThat(ok("/api/layers/" + second + "/versions").get(0).get("checksum").asString()).isEqualTo(uploaded);

        List<String> titles = new ArrayList<>();
        ok("/ogc/collections").get("collections").forEach(c -> titles.add(c.get("title").asString()));
        assertThat(titles).doesNotHaveDuplicates().contains("行政区 / Districts", "行政区（2） / 行政区 (2)",
                "行政区（3） / 行政区 (3)");
        assertThat(ok("/ogc/collections/" + second).get("description").asString())
                .contains("导入时间 ").contains("导入账号 editor").contains("imported on ").contains(" by editor");

        JsonNode named = dryRun(zipOf(temp.resolve("districts-EPSG-4490-UTF-8-true"), "Land_Use 2023.zip"), Map.of());
        assertThat(named.get("shapefiles").get(0).get("layer").asString()).isEqualTo("land-use-2023");
        assertThat(named.get("shapefiles").get(0).get("title_en").asString()).isEqualTo("Land_Use 2023");
    }

    @Test
    void importedFeaturesAreLinkedToThePlanAndAnswerCoverageQuestions() throws Exception {
        importAndWait(districtsZip("EPSG:4530", "GBK", true), Map.of("layer", "linked-districts"));
        JsonNode identify = ok("/api/identify?lon=125.85&lat=43.65");
        List<String> hits = new ArrayList<>();
        identify.get("features").forEach(f -> hits.add(f.get("layer").asString() + "/" + f.get("id").asString()));
        assertThat(hits).contains("linked-districts/1", "districts/220112");
        JsonNode inShuangyang = ok("/api/coverage/projects?layer=districts&feature=220112&mode=intersects"
                + "&source=linked-districts");
        assertThat(inShuangyang.get("summary").get("total").get("count").asInt()).isEqualTo(1);
    }

    @Test
    void aLargeImportStreamsInWhileItsJobReportsProgress() throws Exception {
        int count = 25_000;

        JsonNode job = importAndWait(manyPointsZip(count), Map.of("layer", "many-points"));

        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("features_done").asLong()).isEqualTo(count);
        assertThat(job.get("features_per_second").asDouble()).isPositive();
        assertThat(job.has("phase")).as("a finished job is past its steps").isFalse();
        assertThat(ok("/api/layers/many-points").get("feature_count").asInt()).isEqualTo(count);
        assertThat(ok("/ogc/collections/many-points/items?filter=" + java.net.URLEncoder.encode("名称 = '点24999'",
                StandardCharsets.UTF_8)).get("numberMatched").asInt()).isEqualTo(1);
    }

    @Test
    void aJobNamesEachStepOfTheWriteWithTheFeaturesWrittenBeforeIt() throws Exception {
        int count = 25_000;  // written in several batches within a second, faster than the job is updated
        Path zip = manyPointsZip(count);
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        JobRecord ended;
        try (InputStream in = Files.newInputStream(zip)) {
            ended = imports.runHere(Upload.of(in), "steps.zip", new ImportRequest(Optional.of("job-steps"), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    ImportRequest.EmptyGeometries.SKIP, false), "editor", new WriteProgress() {
                        @Override
                        public void written(long featuresWritten) {
                        }

                        private String id;

                        @Override
                        public void phase(WritePhase phase) {
                            // looked up at the first step, outside the write's transaction: a later step may
                            // begin inside it, on a connection busy with the bulk load
                            if (id == null) {
                                id = imports.recent(1).get(0).id();
                            }
                            // the job as a client polling the API sees it once the step has begun
                            seen.put(phase.name(), ok("/api/imports/" + id));
                        }
                    });
        }

        assertThat(ended.state()).isEqualTo("SUCCEEDED");
        // not in spatial order, so PostGIS holds the points back and stores them in that order
        List<String> steps = store.describe().kind().equals("postgis")
                ? List.of("WRITING", "STORING_IN_ORDER", "INDEXING", "PUBLISHING")
                : List.of("WRITING", "INDEXING", "PUBLISHING");
        assertThat(seen.keySet()).containsExactlyElementsOf(steps);
        for (String step : steps.subList(1, steps.size())) {
            JsonNode job = seen.get(step);
            assertThat(job.get("state").asString()).isEqualTo("RUNNING");
            assertThat(job.get("phase").asString()).isEqualTo(step);
            assertThat(job.get("features_done").asLong()).as(step + ": every feature written is counted")
                    .isEqualTo(count);
        }
        assertThat(ok("/api/imports/" + ended.id()).has("phase")).isFalse();
    }

    @Test
    void aReplacedLayerCanBeRestored() throws Exception {
        importAndWait(districtsZip("EPSG:4490", "UTF-8", true), Map.of("layer", "replaced"));
        importAndWait(pointsZip(), Map.of("layer", "replaced", "member", "points"));
        assertThat(ok("/api/layers/replaced").get("geometry_type").asString()).isEqualTo("Point");
        JsonNode versions = ok("/api/layers/replaced/versions");
        assertThat(versions).hasSize(2);
        long previous = versions.get(1).get("version").asLong();
        assertThat(http.send("POST", "/api/layers/replaced/versions/" + previous + "/restore", null, null).status())
                .isEqualTo(401);
        Http.Response restored = http.send("POST", "/api/layers/replaced/versions/" + previous + "/restore", null, null,
                "Authorization", EDITOR);
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(ok("/api/layers/replaced").get("geometry_type").asString()).isEqualTo("MultiPolygon");
        assertThat(http.send("POST", "/api/layers/replaced/versions/999999/restore", null, null, "Authorization", EDITOR)
                .status()).isEqualTo(404);
    }

    @Test
    void severalShapefilesInChineseFoldersEachBecomeALayer() throws Exception {
        Path dir = temp.resolve("several");
        GdalShapefiles.write(dir, "区县", GdalShapefiles.DISTRICTS, "-lco", "ENCODING=GBK", "-t_srs", "EPSG:4530");
        GdalShapefiles.write(dir, "points", GdalShapefiles.ASCII_POINTS, "-t_srs", "EPSG:4326");
        List<String> names = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (var listing = Files.list(dir)) {
            for (Path file : listing.sorted().toList()) {
                String name = file.getFileName().toString();
                names.add((name.startsWith("区县") ? "资料/规划/" : "资料/") + name.replace(".shp", ".SHP"));
                files.add(file);
            }
        }
        Path zip = GdalShapefiles.zip(temp.resolve("several.zip"), GBK, names, files);
        JsonNode report = dryRun(zip, Map.of());
        assertThat(report.get("shapefiles")).hasSize(2);
        JsonNode job = importAndWait(zip, Map.of());
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        List<String> layers = new ArrayList<>();
        job.get("report").get("shapefiles").forEach(s -> layers.add(s.get("layer").asString()));
        assertThat(layers).contains("points");
        for (String layer : layers) {
            assertThat(http.get("/api/layers/" + layer).status()).isEqualTo(200);
        }
    }

    @Test
    void invalidPolygonsAreRepairedAndListed() throws Exception {
        String bowtie = """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"bowtie"},
                 "geometry":{"type":"Polygon","coordinates":[[[125.3,43.8],[125.4,43.9],[125.4,43.8],[125.3,43.9],[125.3,43.8]]]}}]}""";
        Path dir = temp.resolve("bowtie");
        GdalShapefiles.write(dir, "bowtie", bowtie, "-t_srs", "EPSG:4490");
        JsonNode report = dryRun(zipOf(dir, "bowtie.zip"), Map.of("layer", "bowtie")).get("shapefiles").get(0);
        assertThat(report.get("counts").get("repaired").asInt()).isEqualTo(1);
        assertThat(report.get("problems").get(0).get("kind").asString()).isEqualTo("repaired");
        assertThat(report.get("problems").get(0).get("message_en").asString()).contains("Self-intersection");
    }

    @Test
    void anExportedLayerImportsAgainAsTheSameLayer() throws Exception {
        importAndWait(districtsZip("EPSG:4530", "GBK", false), Map.of("layer", "round-trip"));
        for (String encoding : List.of("GBK", "UTF-8")) {
            Http.Response export = http.get("/api/layers/round-trip/export?format=shp&encoding=" + encoding);
            assertThat(export.status()).isEqualTo(200);
            assertThat(export.contentType()).isEqualTo("application/zip");
            Path zip = temp.resolve("export-" + encoding + ".zip");
            Files.write(zip, export.bytes());
            assertThat(entries(zip)).contains("round-trip.shp", "round-trip.shx", "round-trip.dbf", "round-trip.prj",
                    "round-trip.cpg");
            String again = "round-trip-" + encoding.toLowerCase().replace("-", "");
            JsonNode job = importAndWait(zip, Map.of("layer", again));
            assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
            assertThat(features(again)).isEqualTo(features("round-trip"));
        }
        Http.Response geojson = http.get("/api/layers/round-trip/export?format=geojson");
        assertThat(geojson.json().get("features")).hasSize(2);
        Http.Response csv = http.get("/api/layers/round-trip/export?format=csv&encoding=GBK");
        assertThat(new String(csv.bytes(), GBK)).startsWith("id,名称,").contains("双阳区").contains("MULTIPOLYGON");
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsWritten() throws Exception {
        String before = layersState();
        Path good = districtsZip("EPSG:4530", "GBK", true);
        Map<String, byte[]> members = unzip(good);

        assertRefused(Files.readAllBytes(good), Map.of("layer", "x"), 401, "sign-in required", false);
        assertRefused("not a zip at all".getBytes(StandardCharsets.UTF_8), Map.of(), 400, "not a zip archive", true);
        assertRefused(zip(Map.of("../escape.shp", new byte[] {1, 2, 3})), Map.of(), 400, "escape", true);
        assertRefused(zip(Map.of("zeros.bin", new byte[6 * 1024 * 1024])), Map.of(), 413, "expand", true);
        assertRefused(zip(without(members, ".shx")), Map.of(), 400, ".shx", true);
        assertRefused(zip(without(members, ".dbf")), Map.of(), 400, ".dbf", true);
        Map<String, byte[]> truncated = new TreeMap<>(members);
        truncated.replaceAll((name, bytes) -> name.endsWith(".shp") ? java.util.Arrays.copyOf(bytes, bytes.length - 20) : bytes);
        assertRefused(zip(truncated), Map.of(), 400, "truncated", true);
        Map<String, byte[]> mismatched = new TreeMap<>(members);
        mismatched.replaceAll((name, bytes) -> name.endsWith(".dbf") ? withRecordCount(bytes, 2) : bytes);
        assertRefused(zip(mismatched), Map.of(), 400, "records", true);
        assertRefused(zip(without(members, ".prj")), Map.of(), 400, "srid", true);
        assertRefused(Files.readAllBytes(good), Map.of("srid", "4326"), 400, "China", true);
        assertRefused(Files.readAllBytes(good), Map.of("layer", "districts"), 409, "part of the plan", true);
        assertRefused(Files.readAllBytes(good), Map.of("layer", "Bad Id"), 400, "lower-case", true);
        assertRefused(new byte[3 * 1024 * 1024], Map.of(), 413, "larger than allowed", true);

        assertThat(layersState()).as("the store after all the refusals").isEqualTo(before);
    }

    /**
     * An upload far over the limit is refused with the size limit's own document, every time: the
     * container answers before reading the body, and the answer must reach the client, not a cut
     * connection relayed as 502.
     */
    @Test
    void anUploadFarOverTheLimitIsRefusedWithItsOwnAnswer() {
        byte[] huge = new byte[48 * 1024 * 1024];
        for (int attempt = 0; attempt < 3; attempt++) {
            assertRefused(huge, Map.of(), 413, "larger than allowed", true);
            assertRefused(huge, Map.of("layer", "x"), 401, "sign-in required", false);
        }
    }

    // --- helpers ----------------------------------------------------------------------------

    private void assertRefused(byte[] upload, Map<String, String> fields, int status, String message, boolean signedIn) {
        Http.Response response = signedIn
                ? http.upload("/api/imports", "upload.zip", upload, fields, "Authorization", EDITOR)
                : http.upload("/api/imports", "upload.zip", upload, fields);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("message_en").asString()).as(response.body()).containsIgnoringCase(message);
        assertThat(response.json().get("message_zh").asString()).isNotBlank();
    }

    private String layersState() {
        List<String> state = new ArrayList<>();
        ok("/api/layers").forEach(l -> state.add(l.get("id").asString() + "@" + l.get("data_version").asLong()));
        return String.join(",", state);
    }

    /** Points on a grid north-west of the city, each with a Chinese name; GBK, CGCS2000 Gauss-Kruger. */
    private Path manyPointsZip(int count) throws IOException {
        StringBuilder csv = new StringBuilder("名称,WKT\n");
        // a grid of 500 columns, its cells in a scrambled order (7,919 is prime to any count of 2s and 5s),
        // as points exported from a database come: not in spatial order
        for (int i = 0; i < count; i++) {
            int cell = (int) (i * 7_919L % count);
            csv.append("点").append(i).append(",\"POINT (").append(125.0 + (cell % 500) * 0.001).append(' ')
                    .append(43.7 + (cell / 500) * 0.001).append(")\"\n");
        }
        Path dir = Files.createTempDirectory(temp, "many");
        GdalShapefiles.write(dir, "many", csv.toString(), "-lco", "ENCODING=GBK", "-s_srs", "EPSG:4326",
                "-t_srs", "EPSG:4530");
        return zipOf(dir, "many.zip");
    }

    private Path districtsZip(String srs, String encoding, boolean keepCpg) {
        Path dir = temp.resolve("districts-" + srs.replace(':', '-') + "-" + encoding + "-" + keepCpg);
        ShapefileSet set = GdalShapefiles.write(dir, "区县", GdalShapefiles.DISTRICTS, "-lco", "ENCODING=" + encoding,
                "-t_srs", srs);
        if (!keepCpg) {
            GdalShapefiles.withoutCpg(set);
        }
        return zipOf(dir, dir.getFileName() + ".zip");
    }

    private Path pointsZip() {
        Path dir = temp.resolve("points");
        GdalShapefiles.write(dir, "points", GdalShapefiles.ASCII_POINTS, "-t_srs", "EPSG:4326");
        return zipOf(dir, "points.zip");
    }

    private Path zipOf(Path dir, String zipName) {
        try (var listing = Files.list(dir)) {
            List<Path> files = listing.sorted().toList();
            return GdalShapefiles.zip(temp.resolve(zipName), StandardCharsets.UTF_8,
                    files.stream().map(f -> f.getFileName().toString()).toList(), files);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode dryRun(Path zip, Map<String, String> fields) throws IOException {
        Map<String, String> all = new TreeMap<>(fields);
        all.put("dryRun", "true");
        Http.Response response = http.upload("/api/imports", zip.getFileName().toString(), Files.readAllBytes(zip), all,
                "Authorization", EDITOR);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode importAndWait(Path zip, Map<String, String> fields) throws Exception {
        Http.Response accepted = http.upload("/api/imports", zip.getFileName().toString(), Files.readAllBytes(zip), fields,
                "Authorization", EDITOR);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String location = accepted.header("Location");
        for (int attempt = 0; attempt < 200; attempt++) {
            JsonNode job = ok(location);
            if (!List.of("QUEUED", "RUNNING").contains(job.get("state").asString())) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish in 20 s");
    }

    private Map<String, String> features(String layer) {
        Map<String, String> features = new TreeMap<>();
        ok("/ogc/collections/" + layer + "/items?limit=100").get("features").forEach(f -> {
            List<String> coordinates = new ArrayList<>();
            vertices(f.get("geometry")).forEach(c -> coordinates.add(Math.round(c[0] * 1e6) + " " + Math.round(c[1] * 1e6)));
            features.put(f.get("properties").get("名称").asString(), new TreeMap<>(
                    Map.of("面积", f.get("properties").get("面积").toString(), "代码", f.get("properties").get("代码").toString()))
                    + " " + coordinates.size() + " vertices " + new java.util.TreeSet<>(coordinates));
        });
        return features;
    }

    private JsonNode ok(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path + " → " + response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<double[]> vertices(JsonNode geometry) {
        List<double[]> vertices = new ArrayList<>();
        collect(geometry.get("coordinates"), vertices);
        return vertices;
    }

    private static void collect(JsonNode node, List<double[]> vertices) {
        if (node.isArray() && node.size() >= 2 && node.get(0).isNumber()) {
            vertices.add(new double[] {node.get(0).asDouble(), node.get(1).asDouble()});
        } else {
            node.forEach(child -> collect(child, vertices));
        }
    }

    /** Ground distance in metres between two nearby lon/lat points. */
    private static double metres(double[] a, double[] b) {
        double dy = (a[1] - b[1]) * 111_320;
        double dx = (a[0] - b[0]) * 111_320 * Math.cos(Math.toRadians(a[1]));
        return Math.hypot(dx, dy);
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static List<String> entries(Path zip) throws IOException {
        return new ArrayList<>(unzip(zip).keySet());
    }

    private static Map<String, byte[]> without(Map<String, byte[]> entries, String extension) {
        Map<String, byte[]> rest = new TreeMap<>(entries);
        rest.keySet().removeIf(name -> name.endsWith(extension));
        return rest;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A DBF with its header's record count (bytes 4-7, little-endian) changed. */
    private static byte[] withRecordCount(byte[] dbf, int records) {
        byte[] copy = dbf.clone();
        java.nio.ByteBuffer.wrap(copy, 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(records);
        return copy;
    }

}
