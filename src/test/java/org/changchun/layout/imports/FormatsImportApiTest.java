package org.changchun.layout.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.changchun.layout.shapefile.GdalShapefiles;
import org.changchun.layout.support.Gdal;
import org.changchun.layout.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The same data, written by GDAL as shapefile, GeoPackage (two tables, Chinese names), GeoJSON
 * (RFC 7946, and the 2008 form with a crs member in EPSG:4530) and CSV (WKT; GBK with 经度/纬度),
 * imports as identical layers; hostile GeoPackages and formats to convert are refused before
 * anything is written. Run on each store by the subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "plan.security.users[0].name=editor",
    "plan.security.users[0].password={noop}editor-secret",
    "plan.security.users[0].roles=EDITOR",
    "plan.imports.max-geopackage-size=1MB"})
abstract class FormatsImportApiTest {

    private static final String EDITOR = Http.basic("editor", "editor-secret");

    /** Project points with Chinese names and categories; one without coordinates. */
    private static final String POINTS = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"名称":"北湖科技园","类别":"产业","投资":120.5,"岗位":3000},
             "geometry":{"type":"Point","coordinates":[125.4123456,43.9876543]}},
            {"type":"Feature","properties":{"名称":"净月文创园","类别":"文化","投资":45.25,"岗位":800},
             "geometry":{"type":"Point","coordinates":[125.4567891,43.7812341]}},
            {"type":"Feature","properties":{"名称":"长春站改造","类别":"交通","投资":88.0,"岗位":null},
             "geometry":{"type":"Point","coordinates":[125.3234567,43.9012341]}}
            ]}""";

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
    void theSameDataImportsAsIdenticalLayersFromShapefileGeoPackageGeoJsonAndCsv() throws Exception {
        Path source = write("districts.geojson", GdalShapefiles.DISTRICTS);
        Path points = write("points.geojson", POINTS);
        Path shp = temp.resolve("shp");
        GdalShapefiles.write(shp, "区县", GdalShapefiles.DISTRICTS, "-lco", "ENCODING=GBK", "-t_srs", "EPSG:4530");
        GdalShapefiles.write(shp.resolve("points"), "项目", POINTS, "-lco", "ENCODING=GBK", "-t_srs", "EPSG:4490");
        Path gpkg = temp.resolve("规划数据.gpkg");
        Gdal.run("ogr2ogr", "-f", "GPKG", "-t_srs", "EPSG:4490", "-nln", "区县", gpkg.toString(), source.toString());
        Gdal.run("ogr2ogr", "-f", "GPKG", "-update", "-t_srs", "EPSG:4530", "-nln", "重点项目", gpkg.toString(),
                points.toString());
        Path rfc7946 = temp.resolve("districts-rfc7946.geojson");
        Gdal.run("ogr2ogr", "-f", "GeoJSON", "-lco", "RFC7946=YES", rfc7946.toString(), source.toString());
        Path legacy = temp.resolve("districts-4530.geojson");
        Gdal.run("ogr2ogr", "-f", "GeoJSON", "-t_srs", "EPSG:4530", legacy.toString(), source.toString());
        assertThat(Files.readString(legacy)).as("GDAL writes the 2008 crs member").contains("EPSG::4530");
        Path wkt = temp.resolve("csv").resolve("districts-wkt.csv");
        Files.createDirectories(wkt.getParent());
        Gdal.run("ogr2ogr", "-f", "CSV", "-lco", "GEOMETRY=AS_WKT", "-lco", "CREATE_CSVT=YES", wkt.toString(),
                source.toString());
        Path gbk = temp.resolve("项目-gbk.csv");
        Path xy = temp.resolve("xy").resolve("points.csv");
        Files.createDirectories(xy.getParent());
        Gdal.run("ogr2ogr", "-f", "CSV", "-lco", "GEOMETRY=AS_XY", "-lco", "COORDINATE_PRECISION=9", xy.toString(),
                points.toString());
        Files.write(gbk, Files.readString(xy).replaceFirst("^X,Y,", "经度,纬度,").getBytes(Charset.forName("GBK")));

        JsonNode shpReport = dryRun(zipOf(shp, "区县.zip", "区县"), Map.of()).get("shapefiles").get(0);
        assertThat(shpReport.get("format").asString()).isEqualTo("shapefile");
        JsonNode gpkgReport = dryRun(gpkg, Map.of());
        assertThat(gpkgReport.get("shapefiles")).as("every feature table").hasSize(2);
        assertThat(gpkgReport.get("shapefiles").get(0).get("format").asString()).isEqualTo("geopackage");
        assertThat(gpkgReport.get("shapefiles").get(1).get("crs").get("epsg").asInt()).isEqualTo(4530);
        JsonNode legacyReport = dryRun(legacy, Map.of()).get("shapefiles").get(0);
        assertThat(legacyReport.get("crs").get("epsg").asInt()).isEqualTo(4530);
        assertThat(legacyReport.get("crs").get("how_en").asString()).contains("crs member");
        JsonNode gbkReport = dryRun(gbk, Map.of()).get("shapefiles").get(0);
        assertThat(gbkReport.get("encoding").get("charset").asString()).isEqualTo("GB18030");
        assertThat(gbkReport.get("crs").get("epsg").asInt()).isEqualTo(4326);

        imported(zipOf(shp, "区县.zip", "区县"), Map.of("layer", "districts-shp"));
        imported(gpkg, Map.of("layer", "districts-gpkg", "member", "区县"));
        imported(rfc7946, Map.of("layer", "districts-geojson"));
        imported(legacy, Map.of("layer", "districts-legacy"));
        imported(zipOf(wkt.getParent(), "districts-csv.zip", null), Map.of("layer", "districts-csv"));
        Map<String, String> expected = features("districts-shp");
        assertThat(expected).hasSize(2);
        assertThat(expected.get("1")).contains("名称=\"双阳区\"", "代码=\"220112\"", "人口=398000", "设立日期=\"1995-10-20\"",
                "面积=1677.5", "MultiPolygon");
        for (String layer : List.of("districts-gpkg", "districts-geojson", "districts-legacy", "districts-csv")) {
            assertThat(features(layer)).as(layer).isEqualTo(expected);
        }

        imported(zipOf(shp.resolve("points"), "项目.zip", "项目"), Map.of("layer", "points-shp"));
        imported(gpkg, Map.of("layer", "points-gpkg", "member", "重点项目"));
        imported(gbk, Map.of("layer", "points-csv"));
        Map<String, String> points3 = features("points-shp");
        assertThat(points3).hasSize(3);
        assertThat(points3.get("1")).contains("北湖科技园").contains("产业").contains("岗位=3000").contains("Point");
        assertThat(features("points-gpkg")).isEqualTo(points3);
        assertThat(features("points-csv")).isEqualTo(points3);
    }

    @Test
    void aCsvWithoutACoordinateSystemIsReadInTheOneItsNumbersFitOrTheSridGiven() throws Exception {
        Path xy = temp.resolve("gk").resolve("项目坐标.csv");
        Files.createDirectories(xy.getParent());
        Gdal.run("ogr2ogr", "-f", "CSV", "-lco", "GEOMETRY=AS_XY", "-s_srs", "EPSG:4326", "-t_srs", "EPSG:4530",
                xy.toString(), write("p.geojson", POINTS).toString());
        Files.deleteIfExists(temp.resolve("gk").resolve("项目坐标.prj"));
        JsonNode told = dryRun(xy, Map.of()).get("shapefiles").get(0);
        assertThat(told.get("crs").get("epsg").asInt()).as("eastings prefixed 42: CGCS2000 GK zone 42").isEqualTo(4530);
        assertThat(told.get("crs").get("how_en").asString()).contains("projected metres").contains("give srid");
        assertThat(told.get("extent").get(0).asDouble()).isCloseTo(125.3234567, org.assertj.core.data.Offset.offset(1e-6));

        Path lonLat = write("lonlat.csv", "名称,lon,lat\n甲,125.3,43.9\n");
        assertThat(dryRun(lonLat, Map.of("srid", "4490")).get("shapefiles").get(0).get("crs").get("how_en").asString())
                .isEqualTo("given as srid");
        Http.Response wrong = upload(xy, Map.of("srid", "4490", "dryRun", "true"));
        assertThat(wrong.status()).as("metres read as degrees").isEqualTo(400);
        assertThat(wrong.json().get("message_en").asString()).contains("cannot be in China");
    }

    @Test
    void aGeoPackageWithTriggersAndAViewImportsItsTablesOnlyAndOneWithAQuotedNameIsRefused() throws Exception {
        Path gpkg = temp.resolve("hostile.gpkg");
        Gdal.run("ogr2ogr", "-f", "GPKG", "-nln", "区县", gpkg.toString(), write("d.geojson", GdalShapefiles.DISTRICTS)
                .toString());
        sqlite(gpkg, """
                CREATE TABLE audit(x TEXT);
                CREATE TRIGGER spy AFTER UPDATE ON gpkg_contents BEGIN INSERT INTO audit VALUES ('x'); END;
                CREATE TRIGGER spy2 BEFORE DELETE ON "区县" BEGIN SELECT RAISE(ABORT, 'no'); END;
                CREATE VIEW "区县视图" AS SELECT * FROM "区县";
                INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('区县视图', 'features', 'v', 4326);
                INSERT INTO gpkg_geometry_columns VALUES ('区县视图', 'geom', 'GEOMETRY', 4326, 0, 0);
                """);
        JsonNode report = dryRun(gpkg, Map.of());
        assertThat(report.get("shapefiles")).as("the view is not read").hasSize(1);
        assertThat(report.get("shapefiles").get(0).get("name").asString()).isEqualTo("区县");
        assertThat(imported(gpkg, Map.of("layer", "hostile-ok")).get("state").asString()).isEqualTo("SUCCEEDED");

        sqlite(gpkg, """
                CREATE TABLE "a""b" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT, name TEXT);
                INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('a"b', 'features', 'q', 4326);
                INSERT INTO gpkg_geometry_columns VALUES ('a"b', 'geom', 'POINT', 4326, 0, 0);
                """);
        String before = layers();
        Http.Response refused = upload(gpkg, Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("message_en").asString()).contains("double quote").contains("ogr2ogr");
        assertThat(layers()).isEqualTo(before);
    }

    @Test
    void aGeoPackageOverTheSizeBoundAndFilesThatAreNotGeoPackagesAreRefused() throws Exception {
        Path gpkg = temp.resolve("blob.gpkg");
        Gdal.run("ogr2ogr", "-f", "GPKG", "-lco", "SPATIAL_INDEX=NO", "-nln", "d", gpkg.toString(), write("d.geojson", GdalShapefiles.DISTRICTS)
                .toString());
        // a geometry blob larger than the configured bound (1 MB here; a 1 GiB one is refused the same way)
        sqlite(gpkg, "INSERT INTO d (geom) VALUES (zeroblob(2000000));");
        Http.Response tooLarge = upload(gpkg, Map.of("dryRun", "true"));
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.json().get("message_en").asString()).contains("max-geopackage-size");

        Path notGpkg = temp.resolve("plain.gpkg");
        sqlite(notGpkg, "CREATE TABLE t(x);");
        assertRefused(notGpkg, "not a readable GeoPackage");
        Path text = write("garbage.gpkg", "hello");
        assertRefused(text, "not a readable GeoPackage");
    }

    @Test
    void fileGeodatabasesAndCadDrawingsAreRefusedWithTheCommandThatConvertsThem() throws Exception {
        assertRefused(write("图纸.dwg", "AC1032"), "ogr2ogr -f GPKG");
        assertRefused(write("drawing.dxf", "0\nSECTION\n"), "DXF");
        Path gdb = temp.resolve("gdb");
        Files.createDirectories(gdb.resolve("规划.gdb"));
        Files.writeString(gdb.resolve("规划.gdb").resolve("a00000001.gdbtable"), "x");
        Path zip = GdalShapefiles.zip(temp.resolve("gdb.zip"), StandardCharsets.UTF_8,
                List.of("规划.gdb/a00000001.gdbtable"), List.of(gdb.resolve("规划.gdb").resolve("a00000001.gdbtable")));
        assertRefused(zip, "FileGDB");
        assertRefused(write("x.csv", "名称,备注\n甲,乙\n"), "no coordinate columns");
        StringBuilder wide = new StringBuilder("lon,lat");
        for (int i = 0; i <= ImportPlanner.MAX_FIELDS; i++) {
            wide.append(",f").append(i);
        }
        assertRefused(write("wide.csv", wide.append("\n125.3,43.9\n").toString()), "1001 fields");
    }

    // --- helpers ----------------------------------------------------------------------------

    /** Each feature's id → its properties, its type and its vertices rounded to 1e-6 degrees (about 0.1 m). */
    private Map<String, String> features(String layer) {
        Map<String, String> features = new TreeMap<>();
        ok("/ogc/collections/" + layer + "/items?limit=100").get("features").forEach(f -> {
            List<String> coordinates = new ArrayList<>();
            collect(f.get("geometry"), coordinates);
            features.put(f.get("id").asString(), new TreeMap<>(properties(f.get("properties"))) + " "
                    + f.get("geometry").get("type").asString() + " " + coordinates);
        });
        return features;
    }

    private static Map<String, String> properties(JsonNode properties) {
        Map<String, String> values = new TreeMap<>();
        // as JSON text: 398000 and 398000.0 differ, so a whole number read as a real would show
        properties.properties().forEach(p -> values.put(p.getKey(), p.getValue().toString()));
        return values;
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isObject()) {
            collect(node.path("coordinates"), out);
        } else if (node.isArray() && node.size() >= 2 && node.get(0).isNumber()) {
            out.add(Math.round(node.get(0).asDouble() * 1e6) + " " + Math.round(node.get(1).asDouble() * 1e6));
        } else {
            node.forEach(child -> collect(child, out));
        }
    }

    private Path write(String name, String text) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static void sqlite(Path database, String script) {
        try {
            Process process = new ProcessBuilder("sqlite3", database.toString()).redirectErrorStream(true).start();
            process.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(output).isZero();
        } catch (IOException e) {
            throw new AssertionError("sqlite3 is needed for this test", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A zip of the files in dir (not its sub-folders); with a name, only those starting with it. */
    private Path zipOf(Path dir, String zipName, String only) throws IOException {
        try (var listing = Files.list(dir)) {
            List<Path> files = listing.filter(Files::isRegularFile)
                    .filter(f -> only == null || f.getFileName().toString().startsWith(only + ".")).sorted().toList();
            return GdalShapefiles.zip(temp.resolve(zipName), StandardCharsets.UTF_8,
                    files.stream().map(f -> f.getFileName().toString()).toList(), files);
        }
    }

    private Http.Response upload(Path file, Map<String, String> fields) throws IOException {
        return http.upload("/api/imports", file.getFileName().toString(), Files.readAllBytes(file), fields,
                "Authorization", EDITOR);
    }

    private void assertRefused(Path file, String message) throws IOException {
        String before = layers();
        Http.Response response = upload(file, Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("message_en").asString()).as(response.body()).contains(message);
        assertThat(response.json().get("message_zh").asString()).isNotBlank();
        assertThat(layers()).isEqualTo(before);
    }

    private JsonNode dryRun(Path file, Map<String, String> fields) throws IOException {
        Map<String, String> all = new TreeMap<>(fields);
        all.put("dryRun", "true");
        Http.Response response = upload(file, all);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode imported(Path file, Map<String, String> fields) throws Exception {
        Http.Response accepted = upload(file, fields);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        for (int attempt = 0; attempt < 300; attempt++) {
            JsonNode job = ok(accepted.header("Location"));
            if (!List.of("QUEUED", "RUNNING").contains(job.get("state").asString())) {
                assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish in 30 s");
    }

    private String layers() {
        List<String> state = new ArrayList<>();
        ok("/api/layers").forEach(l -> state.add(l.get("id").asString() + "@" + l.get("data_version").asLong()));
        return String.join(",", state);
    }

    private JsonNode ok(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path + " → " + response.body()).isEqualTo(200);
        return response.json();
    }
}
