package org.changchun.layout.gisdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.changchun.layout.LayoutApplication;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Start-ups of the real application on an embedded database file, as a user would run it twice. */
@ExtendWith(OutputCaptureExtension.class)
class GisDataStartupTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path temp;

    @Test
    void aSecondStartReusesTheEmbeddedDatabaseWithoutReloading() {
        String url = TestStores.h2Url();
        Map<String, String> first;
        long rowsAfterFirst;
        try (ConfigurableApplicationContext context = start(url, "classpath:gis-data/")) {
            first = versions(context);
            rowsAfterFirst = rows(context);
        }
        try (ConfigurableApplicationContext context = start(url, "classpath:gis-data/")) {
            assertThat(versions(context)).isEqualTo(first);
            assertThat(rows(context)).isEqualTo(rowsAfterFirst);
            assertThat(context.getBean(FeatureStore.class).layer("districts").orElseThrow().featureCount()).isEqualTo(11);
        }
    }

    @Test
    void aChangedFileIsReloadedAsANewVersionAndTheOthersAreKept() throws IOException {
        String url = TestStores.h2Url();
        Path data = copyOfGisData();
        Map<String, String> first;
        try (ConfigurableApplicationContext context = start(url, data.toUri().toString())) {
            first = versions(context);
        }
        edit(data.resolve("projects.geojson"), project -> ((ObjectNode) project.get("properties")).put("name_zh", "改名（示例）"));
        try (ConfigurableApplicationContext context = start(url, data.toUri().toString())) {
            Map<String, String> second = versions(context);
            assertThat(second.get("projects")).isNotEqualTo(first.get("projects"));
            assertThat(second.get("districts")).isEqualTo(first.get("districts"));
            FeatureStore store = context.getBean(FeatureStore.class);
            String firstId = store.features("projects").get(0).id();
            assertThat(store.feature("projects", firstId).orElseThrow().text("name_zh")).isEqualTo("改名（示例）");
            assertThat(store.linksFrom("projects", firstId)).isNotEmpty();
        }
    }

    @Test
    void aBrokenFileStopsTheStartNamingTheFileAndTheProblemAndChangesNothing(CapturedOutput output) throws IOException {
        String url = TestStores.h2Url();
        Path data = copyOfGisData();
        Map<String, String> before;
        try (ConfigurableApplicationContext context = start(url, data.toUri().toString())) {
            before = versions(context);
        }
        edit(data.resolve("dev-zones.geojson"), zone -> ((ObjectNode) zone.get("properties")).put("name_zh", 42));
        edit(data.resolve("projects.geojson"), project -> ((ObjectNode) project.get("properties")).put("start_year", "2023"));

        assertThatThrownBy(() -> start(url, data.toUri().toString()))
                .rootCause()
                .isInstanceOf(GisDataException.class)
                .hasMessageContaining("gis-data/dev-zones.geojson")
                .hasMessageContaining("\"name_zh\": 42, but the field is string");
        assertThat(output).contains("file:    gis-data/dev-zones.geojson")
                .contains("The plan data could not be loaded");

        Files.copy(Path.of("gis-data/dev-zones.geojson"), data.resolve("dev-zones.geojson"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> start(url, data.toUri().toString()))
                .rootCause()
                .hasMessageContaining("gis-data/projects.geojson")
                .hasMessageContaining("\"start_year\": \"2023\", but the field is integer");

        Files.delete(data.resolve("projects.geojson"));
        assertThatThrownBy(() -> start(url, data.toUri().toString()))
                .rootCause()
                .hasMessageContaining("gis-data/projects.geojson: is missing");

        Files.writeString(data.resolve("projects.geojson"), "{\"type\": \"FeatureCollection\", \"features\": [");
        assertThatThrownBy(() -> start(url, data.toUri().toString()))
                .rootCause()
                .hasMessageContaining("gis-data/projects.geojson: is not valid JSON");

        try (ConfigurableApplicationContext context = start(url, "classpath:gis-data/")) {
            assertThat(versions(context)).as("the store as the first start left it").isEqualTo(before);
        }
    }

    private static ConfigurableApplicationContext start(String url, String dataLocation) {
        // command-line arguments, so they override application.yml as a user's would
        return new SpringApplicationBuilder(LayoutApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off", "--spring.datasource.url=" + url,
                        "--plan.data.location=" + dataLocation);
    }

    private static Map<String, String> versions(ConfigurableApplicationContext context) {
        return context.getBean(FeatureStore.class).layers().stream()
                .collect(Collectors.toMap(LayerInfo::id, l -> l.version() + "/" + l.dataVersion()));
    }

    private static long rows(ConfigurableApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Long versions = jdbc.queryForObject("SELECT COUNT(*) FROM layer_version", Long.class);
        Long links = jdbc.queryForObject("SELECT COUNT(*) FROM feature_link", Long.class);
        return versions * 1_000_000 + links;
    }

    private Path copyOfGisData() throws IOException {
        Path data = temp.resolve("gis-data");
        Files.createDirectories(data);
        try (Stream<Path> files = Files.list(Path.of("gis-data"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, data.resolve(file.getFileName()));
            }
        }
        return data;
    }

    /** Applies a change to the first feature of a GeoJSON file. */
    private static void edit(Path file, java.util.function.Consumer<JsonNode> change) throws IOException {
        JsonNode collection = JSON.readTree(Files.readString(file));
        change.accept(collection.get("features").get(0));
        Files.writeString(file, JSON.writeValueAsString(collection));
    }
}
