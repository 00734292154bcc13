package org.changchun.layout.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.WriteProgress;
import org.changchun.layout.support.Gdal;
import org.changchun.layout.support.Http;
import org.changchun.layout.workfolders.WorkFolders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Layers exported as a GeoPackage and read back by GDAL, as GIS staff would open them: every
 * requested layer a table, names and values as they were, the SRS, the spatial index, the
 * labels; run on each store by the subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class GeoPackageExportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LONG_CHINESE_FIELD = "规划用地性质分类名称说明";

    @LocalServerPort
    int port;

    @Autowired
    FeatureStore store;

    @Autowired
    WorkFolders folders;

    @TempDir
    Path temp;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void severalPlanLayersInOneFileReadByOgrinfoWithCountsSrsIndexAndLabels() throws IOException {
        Path file = download("/api/export?layers=districts,projects,major-zones", "plan.gpkg");
        String summary = Gdal.run("ogrinfo", "-ro", "-so", "-al", file.toString());
        for (String layer : List.of("districts", "projects", "major-zones")) {
            long count = http.get("/ogc/collections/" + layer + "/items?limit=1").json().get("numberMatched").asLong();
            assertThat(summary).contains("Layer name: " + layer)
                    .contains("Feature Count: " + count);
        }
        assertThat(summary).contains("ID[\"EPSG\",4326]").contains("Geometry: Multi Polygon")
                .contains("area_km2: Real").contains("start_year: Integer64").contains("sample: Integer(Boolean)");
        assertThat(Gdal.run("ogrinfo", "-ro", "-q", file.toString(), "-sql",
                "SELECT table_name || ':' || identifier FROM gpkg_contents ORDER BY table_name"))
                .contains("districts:行政区 / Districts (districts)").contains("major-zones:四大板块");
        assertThat(Gdal.run("ogrinfo", "-ro", "-q", file.toString(), "-sql",
                "SELECT 'labelled:' || table_name FROM gpkg_contents WHERE description LIKE '%schematic — 示意%'"))
                .contains("labelled:major-zones").doesNotContain("labelled:projects");
        assertThat(Gdal.run("ogrinfo", "-ro", "-q", file.toString(), "-sql",
                "SELECT 'labelled:' || table_name FROM gpkg_contents WHERE description LIKE '%sample — 示例数据%'"))
                .contains("labelled:projects").doesNotContain("labelled:major-zones");
        String extensions = Gdal.run("ogrinfo", "-ro", "-q", file.toString(), "-sql",
                "SELECT table_name FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index'");
        assertThat(extensions).contains("districts").contains("projects").contains("major-zones");
        String titles = Gdal.run("ogrinfo", "-ro", "-q", file.toString(), "-sql",
                "SELECT column_name || '=' || title FROM gpkg_data_columns WHERE table_name = 'districts'");
        assertThat(titles).contains("area_km2=面积（平方公里） / Area (km²)");
        Gdal.run("ogrinfo", "-ro", "-q", file.toString(), "-sql", "PRAGMA integrity_check");

        JsonNode copied = ogr2ogrAsGeoJson(file, "districts");
        JsonNode served = http.get("/ogc/collections/districts/items?limit=100&sortby=id").json();
        assertThat(copied.get("features").size()).isEqualTo(served.get("features").size());
        Map<String, JsonNode> byId = new HashMap<>();
        copied.get("features").forEach(f -> byId.put(idOf(f), f));
        served.get("features").forEach(feature -> {
            JsonNode exported = byId.get(feature.get("id").asString());
            feature.get("properties").properties().forEach(property -> assertThat(exported.get("properties")
                    .get(property.getKey())).as(property.getKey()).isEqualTo(property.getValue()));
        });
        assertWorkFolderEmpty();
    }

    @Test
    void chineseFieldNamesOfAnyLengthTypesAndNullsRoundTripThroughOgr2ogr() throws IOException {
        GeometryFactory wgs84 = new GeometryFactory(new PrecisionModel(), 4326);
        List<FieldSpec> fields = List.of(
                new FieldSpec(LONG_CHINESE_FIELD, FieldType.STRING, "用地说明", "Land use"),
                new FieldSpec("fid", FieldType.INTEGER, null, null),
                new FieldSpec("面积_km2", FieldType.NUMBER, "面积", "Area"),
                new FieldSpec("已批准", FieldType.BOOLEAN, null, null),
                new FieldSpec("批准日期", FieldType.DATE, null, null));
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put(LONG_CHINESE_FIELD, i == 1 ? null : "居住用地（二类）第" + i + "号");
            properties.put("fid", (long) i * 7);
            properties.put("面积_km2", i == 2 ? null : i / 4.0);
            properties.put("已批准", i % 2 == 0);
            properties.put("批准日期", i == 3 ? null : LocalDate.of(2020, 1, 1).plusDays(i % 300));
            double west = 125.0 + (i % 100) * 0.01;
            double south = 43.5 + (i / 100) * 0.005;
            features.add(new Feature("f" + i, properties, i % 3 == 0 ? wgs84.createPoint(new Coordinate(west, south))
                    : wgs84.toGeometry(new Envelope(west, west + 0.004, south, south + 0.002))));
        }
        store.writeLayer(new LayerSpec(new LayerDescription("gpkg-round-trip", LayerKind.IMPORTED, "用地（测试）",
                "Land use (test)", null, null, "test", "exact", null), fields, "gpkg-round-trip"),
                features.iterator(), WriteProgress.NONE);

        long started = System.nanoTime();
        Http.Response single = http.get("/api/layers/gpkg-round-trip/export?format=gpkg");
        System.out.printf("GeoPackage export of 12,000 features (points and polygons, five fields): %d ms, %d bytes%n",
                (System.nanoTime() - started) / 1_000_000, single.bytes().length);
        assertThat(single.status()).isEqualTo(200);
        assertThat(single.contentType()).isEqualTo("application/geopackage+sqlite3");
        assertThat(single.header("Content-Disposition")).contains("gpkg-round-trip.gpkg");
        Path file = temp.resolve("single.gpkg");
        Files.write(file, single.bytes());
        String summary = Gdal.run("ogrinfo", "-ro", "-so", "-al", file.toString());
        assertThat(summary).contains("Feature Count: 12000").contains("Geometry: Unknown (any)")
                .contains(LONG_CHINESE_FIELD + ": String").contains("FID Column = fid_2").contains("fid: Integer64")
                .contains("id: String")
                .contains("批准日期: Date").contains("已批准: Integer(Boolean)");

        JsonNode copied = ogr2ogrAsGeoJson(file, "gpkg-round-trip");
        assertThat(copied.get("features").size()).isEqualTo(12_000);
        Map<String, JsonNode> byId = new HashMap<>();
        copied.get("features").forEach(f -> byId.put(idOf(f), f));
        for (int i : new int[] {0, 1, 2, 3, 11_999}) {
            JsonNode properties = byId.get("f" + i).get("properties");
            Feature original = features.get(i);
            assertThat(text(properties.get(LONG_CHINESE_FIELD))).isEqualTo(original.text(LONG_CHINESE_FIELD));
            assertThat(properties.get("fid").asLong()).isEqualTo((long) i * 7);
            assertThat(properties.get("面积_km2").isNull()).isEqualTo(i == 2);
            if (i != 2) {
                assertThat(properties.get("面积_km2").asDouble()).isEqualTo(i / 4.0);
            }
            assertThat(properties.get("已批准").asBoolean()).isEqualTo(i % 2 == 0);
            assertThat(text(properties.get("批准日期"))).isEqualTo(original.text("批准日期"));
            assertThat(byId.get("f" + i).get("geometry").get("type").asString())
                    .isEqualTo(i % 3 == 0 ? "Point" : "Polygon");
        }
        assertWorkFolderEmpty();

        // the collection's schema (OGC API - Features Part 5) describes the same layer as the export does
        JsonNode schema = http.get("/ogc/collections/gpkg-round-trip/schema").json().get("properties");
        assertThat(schema.get("批准日期").get("format").asString()).isEqualTo("date");
        assertThat(schema.get("批准日期").get("x-ogc-role").asString()).as("the date datetime filters on")
                .isEqualTo("primary-instant");
        assertThat(schema.get("面积_km2").get("x-ogc-unit").asString()).isEqualTo("km2");
        assertThat(schema.get("fid").get("type").asString()).isEqualTo("integer");
        assertThat(schema.get("已批准").get("type").asString()).isEqualTo("boolean");
    }

    @Test
    void unknownOrMissingLayersAreRefusedBeforeAnythingIsWritten() {
        assertThat(http.get("/api/export?layers=districts,nothing").status()).isEqualTo(404);
        Http.Response empty = http.get("/api/export?layers=,");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("message").asString()).contains("layers");
    }

    private Path download(String path, String name) throws IOException {
        Http.Response answer = http.get(path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/geopackage+sqlite3");
        Path file = temp.resolve(name);
        Files.write(file, answer.bytes());
        return file;
    }

    private JsonNode ogr2ogrAsGeoJson(Path file, String layer) throws IOException {
        Path copy = temp.resolve(layer + ".geojson");
        Gdal.run("ogr2ogr", "-f", "GeoJSON", copy.toString(), file.toString(), layer);
        return JSON.readTree(Files.readString(copy));
    }

    private void assertWorkFolderEmpty() throws IOException {
        Path folder = folders.exports().path();
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("export-")).toList())
                    .as("the export's temporary files are removed").isEmpty();
        }
    }

    /** The feature id column, which GDAL's GeoJSON writer may make the feature's own id. */
    private static String idOf(JsonNode feature) {
        JsonNode column = feature.get("properties").get("id");
        return column == null ? feature.get("id").asString() : column.asString();
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asString();
    }
}
