package org.changchun.layout.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.changchun.layout.shapefile.GdalShapefiles;
import org.changchun.layout.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A layer's history as GIS staff and planners use it, over HTTP, on each store (the subclasses):
 * two accounts import versions of a shapefile, compare them (JSON, GeoJSON, CSV), restore one and
 * edit the project library; the timeline tells who did what; retention keeps two replaced versions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "plan.security.users[0].name=alice",
    "plan.security.users[0].password={noop}alice-secret",
    "plan.security.users[0].roles=EDITOR",
    "plan.security.users[1].name=bob",
    "plan.security.users[1].password={noop}bob-secret",
    "plan.security.users[1].roles=EDITOR",
    "plan.store.kept-previous-versions=2"})
abstract class HistoryApiTest {

    private static final String ALICE = Http.basic("alice", "alice-secret");
    private static final String BOB = Http.basic("bob", "bob-secret");
    private static final String LAYER = "plots-history";

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
    void aReimportIsComparedRestoredAndListedWithItsAccountsAndRetentionKeepsTwoReplacedVersions() throws Exception {
        long first = importVersion(ALICE, "v1", List.of(
                plot("A", "甲", 125.00, 0.01), plot("B", "乙", 125.02, 0.01), plot("C", "丙", 125.04, 0.01),
                plot("D", "丁", 125.06, 0.01), plot("E", "戊", 125.08, 0.01), plot("F", "己", 125.10, 0.02),
                plot("G", "庚", 125.13, 0.01), plot("H", "辛", 125.15, 0.01), plot("I", "壬", 125.17, 0.01),
                plot("J", "癸", 125.19, 0.01)));
        long second = importVersion(BOB, "v2", List.of(
                plot("K", "子", 125.21, 0.01), plot("A", "甲", 125.00, 0.01), plot("D", "丁（改）", 125.06, 0.01),
                plot("E", "戊", 125.08, 0.02), plot("F", "己", 125.10, 0.01), plot("G", "庚", 125.135, 0.01),
                plot("H", "辛", 125.15, 0.01), plot("I", "壬", 125.17, 0.01), plot("J", "癸", 125.19, 0.01),
                plot("L", "丑", 125.23, 0.01), plot("M", "寅", 125.25, 0.01)));

        JsonNode changes = ok("/api/layers/" + LAYER + "/changes?key=" + encode("编号"));
        assertThat(changes.get("from").get("version").asLong()).isEqualTo(first);
        assertThat(changes.get("from").get("created_by").asString()).isEqualTo("alice");
        assertThat(changes.get("to").get("version").asLong()).isEqualTo(second);
        assertThat(changes.get("to").get("created_by").asString()).isEqualTo("bob");
        assertThat(changes.get("matched_by").asString()).isEqualTo("编号");
        JsonNode totals = changes.get("totals");
        assertThat(List.of(totals.get("added").asInt(), totals.get("removed").asInt(), totals.get("changed").asInt()))
                .containsExactly(3, 2, 4);
        assertThat(keys(changes.get("changes"), "added")).containsExactly("K", "L", "M");
        assertThat(keys(changes.get("changes"), "removed")).containsExactly("B", "C");
        assertThat(keys(changes.get("changes"), "changed")).containsExactly("D", "E", "F", "G");
        JsonNode renamed = change(changes, "D");
        assertThat(renamed.get("changed_fields").toString()).isEqualTo("[\"名称\"]");
        assertThat(renamed.get("before").get("名称").asString()).isEqualTo("丁");
        assertThat(renamed.get("after").get("名称").asString()).isEqualTo("丁（改）");
        assertThat(renamed.has("geometry")).as("only its name changed").isFalse();
        assertThat(change(changes, "E").get("geometry").get("area_gained_m2").asDouble())
                .isCloseTo(area(125.09, 0.01), within(0.5));
        assertThat(change(changes, "F").get("geometry").get("area_lost_m2").asDouble())
                .isCloseTo(area(125.11, 0.01), within(0.5));
        assertThat(change(changes, "G").get("geometry").get("area_gained_m2").asDouble())
                .isCloseTo(area(125.14, 0.005), within(0.5));
        assertThat(totals.get("area_gained_m2").asDouble()).isCloseTo(
                area(125.09, 0.01) + area(125.14, 0.005) + 3 * area(125.21, 0.01), within(50.0));

        Http.Response geoJson = http.get("/api/layers/" + LAYER + "/changes?key=" + encode("编号") + "&format=geojson");
        assertThat(geoJson.contentType()).startsWith("application/geo+json");
        JsonNode collection = geoJson.json();
        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.get("features").size()).isEqualTo(9);
        JsonNode moved = feature(collection, "G");
        assertThat(moved.get("properties").get("change").asString()).isEqualTo("changed");
        assertThat(moved.get("properties").get("geometry_before").get("type").asString()).contains("Polygon");
        assertThat(moved.get("geometry").get("type").asString()).contains("Polygon");
        assertThat(feature(collection, "B").get("properties").get("change").asString()).isEqualTo("removed");

        Http.Response csv = http.get("/api/layers/" + LAYER + "/changes?key=" + encode("编号") + "&format=csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains(LAYER + "-changes-" + first + "-" + second + ".csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).startsWith("\uFEFFchange,id,id_before,key,changed_fields,area_gained_m2")
                .contains("before.名称", "after.名称", "wkt");
        assertThat(lines).anyMatch(line -> line.startsWith("changed,") && line.contains(",D,名称,"));

        // restored by alice, then two more imports: only the two most recently replaced stay
        assertThat(send("POST", "/api/layers/" + LAYER + "/versions/" + first + "/restore", ALICE).status()).isEqualTo(200);
        long third = importVersion(BOB, "v3", List.of(plot("A", "甲", 125.00, 0.01)));
        long fourth = importVersion(ALICE, "v4", List.of(plot("A", "甲", 125.00, 0.02)));
        List<Long> kept = new ArrayList<>();
        ok("/api/layers/" + LAYER + "/versions").forEach(v -> kept.add(v.get("version").asLong()));
        assertThat(kept).containsExactly(fourth, third, first);

        JsonNode timeline = ok("/api/layers/" + LAYER + "/timeline").get("entries");
        // a version is listed when its writing began; retention dropped the oldest once it was done
        assertThat(events(timeline)).containsExactly(
                "discarded " + second + " -", "written " + fourth + " alice", "written " + third + " bob",
                "restored " + first + " alice", "written " + second + " bob", "written " + first + " alice");
        assertThat(timeline.get(timeline.size() - 1).get("what_zh").asString()).contains("alice 导入");
        assertThat(http.get("/api/layers/" + LAYER + "/changes?from=" + second).status())
                .as("a discarded version can no longer be compared").isEqualTo(404);
    }

    @Test
    void editsOfTheProjectLibraryAreInItsTimelineWithTheirAccountsAndTheVersionTheyChanged() {
        long version = ok("/api/layers/projects").get("version").asLong();
        assertThat(send("PATCH", "/ogc/collections/projects/items/p001", BOB, "{\"properties\":{\"status\":\"completed\"}}",
                "application/merge-patch+json").status()).isEqualTo(204);
        Http.Response created = send("POST", "/ogc/collections/projects/items", ALICE, """
                {"type":"Feature","id":"p900","properties":{"name_zh":"新项目（示例）","city":"culture","sample":true},
                 "geometry":{"type":"Point","coordinates":[125.45,43.80]}}""", "application/geo+json");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(send("DELETE", "/ogc/collections/projects/items/p900", BOB).status()).isEqualTo(204);

        JsonNode entries = ok("/api/layers/projects/timeline").get("entries");
        assertThat(events(entries)).startsWith("feature-deleted " + version + " bob", "feature-created " + version + " alice",
                "feature-updated " + version + " bob");
        assertThat(entries.get(0).get("feature").asString()).isEqualTo("p900");
        assertThat(entries.get(1).get("feature").asString()).as("the id the answer's Location gave").isEqualTo("p900");
        assertThat(entries.get(2).get("what_zh").asString()).isEqualTo("修改要素 p001");
        assertThat(events(entries)).last().isEqualTo("written " + version + " -");
        assertThat(ok("/api/layers/projects/timeline?limit=1").get("entries").toString()).as("the newest edit only")
                .contains("feature-deleted").doesNotContain("feature-created");
    }

    @Test
    void badComparisonsAreRefusedSayingWhatToFix() {
        Http.Response unknown = http.get("/api/layers/districts/changes?from=99999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message_en").asString()).contains("keeps no version 99999999");
        Http.Response single = http.get("/api/layers/districts/changes");
        assertThat(single.status()).as("the plan's districts have one version").isEqualTo(404);
        assertThat(single.json().get("message_zh").asString()).contains("没有保留的版本");
        assertThat(http.get("/api/layers/districts/changes?format=xml").status()).isEqualTo(400);
        assertThat(http.get("/api/layers/districts/changes?from=NaN").status()).isEqualTo(400);
        assertThat(http.get("/api/layers/atlantis/timeline").status()).isEqualTo(404);
        assertThat(http.get("/api/layers/districts/timeline?limit=0").status()).isEqualTo(400);
    }

    private record Plot(String code, String name, double lon, double width) {
    }

    private static Plot plot(String code, String name, double lon, double width) {
        return new Plot(code, name, lon, width);
    }

    /** Imports plots as a shapefile, each a box from (lon, 43.80), 0.01° high; returns the version made. */
    private long importVersion(String account, String name, List<Plot> plots) throws Exception {
        StringBuilder geojson = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < plots.size(); i++) {
            Plot plot = plots.get(i);
            double east = plot.lon() + plot.width();
            geojson.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"编号\":\"")
                    .append(plot.code()).append("\",\"名称\":\"").append(plot.name())
                    .append("\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[").append(plot.lon())
                    .append(",43.8],[").append(east).append(",43.8],[").append(east).append(",43.81],[")
                    .append(plot.lon()).append(",43.81],[").append(plot.lon()).append(",43.8]]]}}");
        }
        geojson.append("]}");
        Path dir = temp.resolve(name);
        GdalShapefiles.write(dir, "plots", geojson.toString(), "-lco", "ENCODING=UTF-8", "-t_srs", "EPSG:4326");
        Path zip;
        try (var listing = Files.list(dir)) {
            List<Path> files = listing.sorted().toList();
            zip = GdalShapefiles.zip(temp.resolve(name + ".zip"), StandardCharsets.UTF_8,
                    files.stream().map(f -> f.getFileName().toString()).toList(), files);
        }
        Http.Response accepted = http.upload("/api/imports", "plots.zip", Files.readAllBytes(zip), Map.of("layer", LAYER),
                "Authorization", account);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        for (int attempt = 0; attempt < 300; attempt++) {
            JsonNode job = ok(accepted.header("Location"));
            if (!job.get("state").asString().equals("RUNNING")) {
                assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
                return ok("/api/layers/" + LAYER).get("version").asLong();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish in 30 s");
    }

    private JsonNode ok(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.json();
    }

    private Http.Response send(String method, String path, String account) {
        return http.send(method, path, null, null, "Authorization", account);
    }

    private Http.Response send(String method, String path, String account, String body, String contentType) {
        return http.send(method, path, body, contentType, "Authorization", account);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> keys(JsonNode changes, String kind) {
        List<String> keys = new ArrayList<>();
        changes.forEach(c -> {
            if (c.get("change").asString().equals(kind)) {
                keys.add(c.get("key").asString());
            }
        });
        return keys;
    }

    private static JsonNode change(JsonNode changes, String key) {
        for (JsonNode change : changes.get("changes")) {
            if (change.get("key").asString().equals(key)) {
                return change;
            }
        }
        throw new AssertionError("no change with key " + key);
    }

    private static JsonNode feature(JsonNode collection, String key) {
        for (JsonNode feature : collection.get("features")) {
            if (feature.get("properties").get("key").asString().equals(key)) {
                return feature;
            }
        }
        throw new AssertionError("no feature with key " + key);
    }

    /** "event version account" of each entry, "-" for the service. */
    private static List<String> events(JsonNode entries) {
        List<String> events = new ArrayList<>();
        entries.forEach(e -> events.add(e.get("event").asString() + " " + (e.has("version") ? e.get("version").asLong() : "?")
                + " " + (e.has("by") ? e.get("by").asString() : "-")));
        return events;
    }

    /** A box 0.01° high from (lon, 43.80), on the WGS84 ellipsoid. */
    private static double area(double lon, double width) {
        PolygonArea polygon = new PolygonArea(Geodesic.WGS84, false);
        polygon.AddPoint(43.80, lon);
        polygon.AddPoint(43.80, lon + width);
        polygon.AddPoint(43.81, lon + width);
        polygon.AddPoint(43.81, lon);
        return Math.abs(polygon.Compute(false, true).area);
    }
}
