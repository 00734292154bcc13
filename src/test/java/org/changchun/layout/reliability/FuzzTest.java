package org.changchun.layout.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.changchun.layout.support.Gdal;
import org.changchun.layout.support.Http;
import org.changchun.layout.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Hostile and broken input, many times over, with a fixed seed so a failure can be replayed:
 * shapefile zips mutated from valid GDAL-written ones, and malformed CQL2 filters and query
 * strings. Never a server error, never a partial layer, and the store as before (apart from the
 * layers whose import succeeded, each complete).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "plan.security.users[0].name=editor",
    "plan.security.users[0].password={noop}editor-secret",
    "plan.security.users[0].roles=EDITOR",
    "plan.imports.max-expanded-size=20MB"})
class FuzzTest {

    private static final String EDITOR = Http.basic("editor", "editor-secret");
    private static final long SEED = 20261126L;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.register("h2gis", registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path temp;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void mutatedShapefileZipsNeverCauseAServerErrorOrAPartialLayer() throws Exception {
        List<Map<String, byte[]>> originals = List.of(
                shapefile("gbk", "名称,面积,WKT\n双阳区,1677.5,\"POLYGON ((125.5 43.4,125.9 43.4,125.9 43.7,125.5 43.4))\"\n"
                        + "九台区,3375.2,\"POLYGON ((125.8 44.0,126.2 44.0,126.2 44.3,125.8 44.0))\"\n",
                        "-lco", "ENCODING=GBK", "-t_srs", "EPSG:4530", "-s_srs", "EPSG:4326", "-oo", "GEOM_POSSIBLE_NAMES=WKT"),
                shapefile("utf8", "name,n,WKT\na,1,\"POINT (125.3 43.9)\"\nb,2,\"POINT (125.4 43.8)\"\nc,3,\"POINT (125.5 43.7)\"\n",
                        "-lco", "ENCODING=UTF-8", "-t_srs", "EPSG:4490", "-s_srs", "EPSG:4326", "-oo", "GEOM_POSSIBLE_NAMES=WKT"));
        String layersBefore = layers();
        Random random = new Random(SEED);
        List<String> succeeded = new ArrayList<>();
        for (int i = 0; i < 220; i++) {
            Map<String, byte[]> mutated = mutate(originals.get(i % originals.size()), random);
            byte[] zip = i % 37 == 5 ? garbage(random) : zip(mutated);
            String layer = "fuzz-" + i;
            Http.Response response = http.upload("/api/imports", "fuzz.zip", zip, Map.of("layer", layer),
                    "Authorization", EDITOR);
            assertThat(response.status()).as("mutation " + i + ": " + response.body()).isLessThan(500);
            if (response.status() == 202) {
                JsonNode job = waitFor(response.header("Location"));
                assertThat(job.get("state").asString()).as("mutation " + i).isIn("SUCCEEDED", "FAILED");
                if (job.get("state").asString().equals("SUCCEEDED")) {
                    succeeded.add(layer);
                    assertThat(http.get("/api/layers/" + layer).status()).isEqualTo(200);
                } else {
                    assertThat(http.get("/api/layers/" + layer).status()).as("a failed import leaves no layer").isEqualTo(404);
                }
            } else {
                assertThat(response.status()).as("mutation " + i).isBetween(400, 499);
                assertThat(response.json().get("message_en").asString()).isNotBlank();
            }
        }
        List<String> after = new ArrayList<>(List.of(layers().split(",")));
        after.removeIf(entry -> succeeded.stream().anyMatch(layer -> entry.startsWith(layer + "@")));
        assertThat(String.join(",", after)).as("the store apart from the imports that succeeded").isEqualTo(layersBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM layer_version WHERE state = 'BUILDING'", Integer.class))
                .as("no half-written version").isZero();
    }

    @Test
    void malformedFiltersAndQueryStringsNeverCauseAServerError() {
        String layersBefore = layers();
        List<String> seeds = List.of("name_zh LIKE '%区'", "S_INTERSECTS(geometry, POLYGON((125 43, 126 43, 126 44, 125 43)))",
                "area_km2 BETWEEN 100 AND 2000 AND NOT name_zh IN ('双阳区', '九台区')", "CASEI(name_en) = 'nanguan district'",
                "S_WITHIN(geometry, BBOX(124, 43, 127, 46)) OR adcode IS NULL",
                "area_km2 * 2 - 1 > 100 div 3 ^ 2 AND area_km2 % 7 <> -area_km2",
                "{\"op\":\"and\",\"args\":[{\"op\":\">\",\"args\":[{\"op\":\"/\",\"args\":[{\"property\":\"area_km2\"},0]},1]},"
                        + "{\"op\":\"s_within\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[124,43,127,46]}]}]}");
        Random random = new Random(SEED);
        String alphabet = "()',%_=<>!\" \\;-–—区双阳ABCDEFxyz0123456789.eE+*/^SANDORNOTLIKEBETWEENINISNULLPOLYGONPOINTBBOX{}[]:";
        for (int i = 0; i < 220; i++) {
            StringBuilder filter = new StringBuilder(seeds.get(i % seeds.size()));
            for (int edit = 0; edit <= random.nextInt(6); edit++) {
                int at = random.nextInt(filter.length() + 1);
                switch (random.nextInt(4)) {
                    case 0 -> filter.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> { if (at < filter.length()) { filter.deleteCharAt(at); } }
                    case 2 -> filter.insert(at, filter.substring(0, Math.min(filter.length(), random.nextInt(20))));
                    default -> { if (at < filter.length()) { filter.setCharAt(at, (char) random.nextInt(0x3000)); } }
                }
            }
            String query = switch (i % 5) {
                case 0 -> "filter=" + encode(filter.toString());
                case 1 -> "filter=" + encode(filter.toString()) + "&filter-lang=" + (i % 2 == 0 ? "cql2-text" : "cql2-json")
                        + "&bbox=" + encode(filter.substring(0, Math.min(9, filter.length())));
                case 2 -> "sortby=" + encode(filter.toString()) + "&limit=" + random.nextInt();
                case 3 -> "properties=" + encode(filter.toString()) + "&crs=" + encode(filter.toString());
                default -> encode(filter.toString()) + "=" + encode(filter.toString());
            };
            Http.Response response = http.get("/ogc/collections/districts/items?" + query);
            assertThat(response.status()).as(query + " → " + response.body()).isLessThan(500);
            Http.Response coverage = http.get("/api/coverage/projects?layer=districts&feature=" + encode(filter.toString())
                    + "&mode=" + encode(filter.substring(0, Math.min(5, filter.length()))));
            assertThat(coverage.status()).as("coverage " + query).isLessThan(500);
        }
        assertThat(layers()).isEqualTo(layersBefore);
    }

    // --- mutations ----------------------------------------------------------------------------

    private Map<String, byte[]> shapefile(String name, String csv, String... options) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name));
        Path source = temp.resolve(name + ".csv");
        Files.writeString(source, csv, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", "ESRI Shapefile"));
        command.addAll(List.of(options));
        command.add(dir.resolve(name + ".shp").toString());
        command.add(source.toString());
        Gdal.run(command.toArray(String[]::new));
        Map<String, byte[]> files = new TreeMap<>();
        try (var listing = Files.list(dir)) {
            for (Path file : listing.toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    /** One to three damaging edits: truncation, flipped header bytes, wrong counts, bad .prj/.cpg, lost files. */
    private static Map<String, byte[]> mutate(Map<String, byte[]> original, Random random) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        original.forEach((name, bytes) -> files.put(name, bytes.clone()));
        List<String> names = new ArrayList<>(files.keySet());
        for (int edit = 0; edit <= random.nextInt(3); edit++) {
            String name = names.get(random.nextInt(names.size()));
            byte[] bytes = files.get(name);
            if (bytes == null || bytes.length == 0) {
                continue;
            }
            switch (random.nextInt(7)) {
                case 0 -> files.put(name, java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length)));
                case 1 -> flip(bytes, random, Math.min(bytes.length, 100));
                case 2 -> flip(bytes, random, bytes.length);
                case 3 -> {
                    if (name.endsWith(".dbf") && bytes.length > 8) {
                        java.nio.ByteBuffer.wrap(bytes, 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                                .putInt(random.nextInt(5) - 1);
                    } else {
                        flip(bytes, random, Math.min(bytes.length, 32));
                    }
                }
                case 4 -> files.put(name.replaceAll("\\.\\w+$", ".prj"),
                        ("PROJCS[\"" + random.nextInt() + "\",GEOGCS[\"nonsense\"]]").getBytes(StandardCharsets.UTF_8));
                case 5 -> files.put(name.replaceAll("\\.\\w+$", ".cpg"),
                        (random.nextBoolean() ? "KLINGON" : "65001\u0000garbage").getBytes(StandardCharsets.UTF_8));
                default -> files.remove(name);
            }
        }
        return files;
    }

    private static void flip(byte[] bytes, Random random, int within) {
        for (int i = 0; i <= random.nextInt(4); i++) {
            int at = random.nextInt(within);
            bytes[at] = (byte) random.nextInt(256);
        }
    }

    private static byte[] garbage(Random random) {
        byte[] bytes = new byte[random.nextInt(2000) + 1];
        random.nextBytes(bytes);
        if (random.nextBoolean()) {
            bytes[0] = 'P';
            bytes[1] = 'K';
            bytes[2] = 3;
            bytes[3] = 4;
        }
        return bytes;
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private JsonNode waitFor(String location) throws InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            JsonNode job = http.get(location).json();
            if (!List.of("QUEUED", "RUNNING").contains(job.get("state").asString())) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + location + " did not end");
    }

    private String layers() {
        List<String> state = new ArrayList<>();
        http.get("/api/layers").json().forEach(l -> state.add(l.get("id").asString() + "@" + l.get("data_version").asLong()));
        return String.join(",", state);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
