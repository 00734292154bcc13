package org.changchun.layout.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.changchun.layout.support.DatabaseCutOff;
import org.changchun.layout.support.Http;
import org.changchun.layout.support.PointShapefiles;
import org.changchun.layout.support.TestPostgis;
import org.changchun.layout.support.Waiting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Imports meeting faults on PostGIS, as they were tried by hand: the database going away
 * mid-import, two imports into one layer at once, a work folder that cannot be written. Each job
 * and each refusal must say what happened and what to do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.hikari.connection-timeout=3000",
    "plan.security.users[0].name=editor",
    "plan.security.users[0].password={noop}editor-secret",
    "plan.security.users[0].roles=EDITOR"})
class ImportFaultsTest {

    private static final String EDITOR = Http.basic("editor", "editor-secret");
    /** Enough points that an import on this machine takes seconds, not a blink. */
    private static final int BIG = 150_000;

    @TempDir
    static Path temp;
    private static TestPostgis.Database database;
    private static Path workDir;
    private static byte[] bigZip;
    private static byte[] smallZip;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        database = TestPostgis.instance().newDatabase();
        workDir = Files.createTempDirectory("plan-import-faults-");
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
        registry.add("plan.security.allow-insecure-defaults", () -> "true");
        registry.add("plan.imports.work-dir", workDir::toString);
    }

    @BeforeAll
    static void shapefiles() throws IOException {
        bigZip = Files.readAllBytes(PointShapefiles.zip(temp, "big", BIG));
        smallZip = Files.readAllBytes(PointShapefiles.zip(temp, "small", 100));
    }

    @AfterAll
    static void removeWorkFolder() throws IOException {
        deleteRecursively(workDir);
    }

    @LocalServerPort
    int port;

    @Test
    void anImportWhoseDatabaseGoesAwayFailsWithThatCauseAsSoonAsTheDatabaseIsBack() throws Exception {
        Http http = new Http(port);
        String id = submit(http, bigZip, "outage-points").get("id").asString();
        Waiting.until(Duration.ofSeconds(60), () -> "WRITING".equals(text(http.get("/api/imports/" + id).json(), "phase")));

        DatabaseCutOff.cutOff(database, true);
        try {
            // the job ends on its own thread: its upload's folder is removed once it has
            Waiting.until(Duration.ofSeconds(30), () -> !Files.exists(workDir.resolve(id)));
        } finally {
            DatabaseCutOff.cutOff(database, false);
        }

        JsonNode job = awaitEnd(http, id, Duration.ofSeconds(8));
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("FAILED");
        assertThat(job.get("error").get("message_en").asString())
                .contains("the database became unreachable during the import")
                .contains("import again once the database is back")
                .doesNotContain("service stopped");
        assertThat(job.get("error").get("message_zh").asString()).contains("数据库无法连接").contains("重新导入");
        assertThat(http.get("/api/layers/outage-points").status()).as("nothing was written").isEqualTo(404);
    }

    @Test
    void twoImportsIntoOneLayerRunInTurnAndTheWaitingOnesSayWhereTheyStand() throws Exception {
        Http http = new Http(port);
        String first = submit(http, bigZip, "queued-points").get("id").asString();
        JsonNode second = submit(http, smallZip, "queued-points");
        JsonNode third = submit(http, smallZip, "queued-points");

        assertThat(second.get("state").asString()).as(second.toString()).isEqualTo("QUEUED");
        JsonNode secondNow = http.get("/api/imports/" + second.get("id").asString()).json();
        JsonNode thirdNow = http.get("/api/imports/" + third.get("id").asString()).json();
        assertThat(http.get("/api/imports/" + first).json().get("state").asString()).isEqualTo("RUNNING");
        assertThat(secondNow.get("state").asString()).as(secondNow.toString()).isEqualTo("QUEUED");
        assertThat(secondNow.get("percent").asInt()).isZero();
        assertThat(secondNow.get("queue").get("place").asInt()).isEqualTo(1);
        assertThat(secondNow.get("queue").get("waiting_for").asString()).isEqualTo(first);
        assertThat(secondNow.get("queue").get("waiting_for_href").asString()).isEqualTo("/api/imports/" + first);
        assertThat(thirdNow.get("queue").get("place").asInt()).isEqualTo(2);
        assertThat(thirdNow.get("queue").get("waiting_for").asString()).isEqualTo(first);

        for (String id : List.of(first, second.get("id").asString(), third.get("id").asString())) {
            JsonNode ended = awaitEnd(http, id, Duration.ofSeconds(120));
            assertThat(ended.get("state").asString()).as(ended.toString()).isEqualTo("SUCCEEDED");
            assertThat(ended.has("queue")).isFalse();
        }
        assertThat(http.get("/api/layers/queued-points").json().get("feature_count").asInt()).isEqualTo(100);
    }

    /**
     * Root may write anywhere whatever the permissions say, and tests run as root in CI: the work
     * folder is made unusable by a file standing where the folder should be, which stops root too.
     */
    @Test
    void aWorkFolderThatCannotBeWrittenIsNamedInRefusalsAndInHealth() throws Exception {
        Http http = new Http(port);
        assertThat(workFolders(http).get("status").asString()).isEqualTo("UP");
        deleteRecursively(workDir);
        Files.writeString(workDir, "a file where the work folder should be");
        try {
            for (Map<String, String> fields : List.of(Map.of("layer", "no-room"), Map.of("dryRun", "true"))) {
                Http.Response refused = http.upload("/api/imports", "small.zip", smallZip, fields, "Authorization", EDITOR);
                assertThat(refused.status()).as(refused.body()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).isEqualTo("60");
                assertThat(refused.json().get("message_en").asString()).contains(workDir.toString())
                        .contains("plan.imports.work-dir").contains("a file is where the folder");
                assertThat(refused.json().get("message_zh").asString()).contains("工作目录").contains(workDir.toString());
            }
            Http.Response export = http.get("/api/layers/districts/export?format=shp");
            assertThat(export.status()).as(export.body()).isEqualTo(503);
            assertThat(export.json().get("message_en").asString()).contains("plan.exports.work-dir");

            Http.Response health = http.get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            JsonNode folders = health.json().get("components").get("workFolders");
            assertThat(folders.get("status").asString()).isEqualTo("DOWN");
            assertThat(folders.get("details").get("imports").get("path").asString()).isEqualTo(workDir.toString());
            assertThat(folders.get("details").get("imports").get("error").asString()).contains("a file is where");
            assertThat(health.json().get("components").get("store").get("status").asString()).isEqualTo("UP");
        } finally {
            Files.delete(workDir);
            Files.createDirectories(workDir);
        }
        assertThat(workFolders(http).get("status").asString()).isEqualTo("UP");
        assertThat(workFolders(http).get("details").get("imports").get("freeBytes").asLong()).isPositive();
        Http.Response accepted = http.upload("/api/imports", "small.zip", smallZip, Map.of("dryRun", "true"),
                "Authorization", EDITOR);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    private static JsonNode workFolders(Http http) {
        return http.get("/actuator/health").json().get("components").get("workFolders");
    }

    private static JsonNode submit(Http http, byte[] zip, String layer) {
        Http.Response accepted = http.upload("/api/imports", layer + ".zip", zip, Map.of("layer", layer),
                "Authorization", EDITOR);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return accepted.json();
    }

    private static JsonNode awaitEnd(Http http, String id, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode job;
        do {
            Http.Response response = http.get("/api/imports/" + id);
            job = response.status() == 200 ? response.json() : null;
            if (job != null && List.of("SUCCEEDED", "FAILED").contains(job.get("state").asString())) {
                return job;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("job " + id + " had not ended " + limit + " later: " + job);
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asString() : null;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
