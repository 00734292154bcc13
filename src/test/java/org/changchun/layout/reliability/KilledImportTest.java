package org.changchun.layout.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.changchun.layout.LayoutApplication;
import org.changchun.layout.support.ChildService;
import org.changchun.layout.support.Http;
import org.changchun.layout.support.PointShapefiles;
import org.changchun.layout.support.TestPostgis;
import org.changchun.layout.support.Waiting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A service killed ({@code kill -9}) mid-import on PostGIS leaves its unpacked upload in the work
 * folder; the next start removes it, and the periodic sweep removes what other killed processes
 * sharing the folder left, but never a folder a live process still touches nor anything not
 * named like a job.
 */
class KilledImportTest {

    private static final String EDITOR = Http.basic("editor", "editor-secret");
    /** How long a job folder must go untouched to count as abandoned, in the restarted service. */
    private static final Duration STALE_AFTER = Duration.ofSeconds(5);

    @TempDir
    Path temp;

    @Test
    void theUploadOfAKilledImportIsRemovedAtTheNextStartAndAbandonedFoldersPeriodically() throws Exception {
        TestPostgis.Database database = TestPostgis.instance().newDatabase();
        Path work = temp.resolve("work");
        byte[] zip = Files.readAllBytes(PointShapefiles.zip(temp, "killed", 150_000));
        List<String> settings = List.of("--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password(),
                "--plan.security.allow-insecure-defaults=true", "--plan.security.users[0].name=editor",
                "--plan.security.users[0].password={noop}editor-secret", "--plan.security.users[0].roles=EDITOR",
                "--plan.imports.work-dir=" + work);

        String id;
        try (ChildService child = ChildService.start(temp.resolve("child.log"), settings)) {
            Http http = new Http(child.port());
            Http.Response accepted = http.upload("/api/imports", "killed.zip", zip, Map.of("layer", "killed-points"),
                    "Authorization", EDITOR);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            id = accepted.json().get("id").asString();
            Waiting.until(Duration.ofSeconds(60), () -> {
                JsonNode job = http.get("/api/imports/" + id).json();
                return job.has("phase") && job.get("phase").asString().equals("WRITING");
            });
            child.kill();
        }
        Path upload = work.resolve(id);
        assertThat(upload.resolve("upload")).as("the upload, left behind by the killed process").exists();
        Thread.sleep(STALE_AFTER.plusSeconds(1).toMillis());

        List<String> restart = new ArrayList<>(settings);
        restart.addAll(List.of("--server.port=0", "--plan.imports.stale-after=" + STALE_AFTER.toSeconds() + "s",
                "--plan.imports.stale-check=500ms"));
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(LayoutApplication.class)
                .run(restart.toArray(String[]::new))) {
            assertThat(upload).as("removed at start-up").doesNotExist();
            Http http = new Http(Integer.parseInt(restarted.getEnvironment().getProperty("local.server.port")));
            JsonNode job = http.get("/api/imports/" + id).json();
            assertThat(job.get("state").asString()).isEqualTo("FAILED");
            assertThat(job.get("error").get("message_en").asString()).contains("the service stopped");

            // what killed replicas sharing the folder leave, beside what live ones are using
            Path abandoned = jobFolder(work, Instant.now().minus(Duration.ofHours(1)));
            Path inUse = jobFolder(work, Instant.now());
            Path notAJob = Files.createDirectories(work.resolve("notes"));
            Files.setLastModifiedTime(notAJob, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
            Waiting.until(Duration.ofSeconds(10), () -> !Files.exists(abandoned));
            assertThat(inUse).as("touched within stale-after: another process's live job").exists();
            assertThat(notAJob).as("not named like a job").exists();
        }
    }

    private static Path jobFolder(Path work, Instant touched) throws Exception {
        Path folder = Files.createDirectories(work.resolve(UUID.randomUUID().toString()).resolve("files"));
        Files.write(folder.resolve("points.shp"), new byte[1024]);
        Files.setLastModifiedTime(folder.getParent(), FileTime.from(touched));
        return folder.getParent();
    }
}
