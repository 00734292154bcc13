package org.changchun.layout.tiles.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.WriteProgress;
import org.changchun.layout.support.Http;
import org.changchun.layout.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The tile documents (tilesets, tileset metadata, TileJSON, tile matrix sets) exactly as clients get
 * them: member names, their order and values, byte for byte but for the links' host and port. The
 * expected documents ({@code src/test/resources/tiles/documents}) were written by the service when it
 * built these bodies as maps, and pin them for the records that describe them in the OpenAPI
 * document. An empty layer stands for the optional members: no bounds, no geometry dimension.
 *
 * <p>A document that differs is written to {@code target/tile-documents/} for comparison; if the
 * change is meant, copy it over the expected one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TileDocumentsTest {

    private static final Path DIFFERING = Path.of("target", "tile-documents");

    @LocalServerPort
    int port;

    @Autowired
    FeatureStore store;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.register("h2gis", registry);
    }

    @Test
    void theTileDocumentsAreWrittenAsTheyWere() throws IOException {
        store.writeLayer(new LayerSpec(new LayerDescription("empty-layer", LayerKind.IMPORTED, "空图层", "Empty layer",
                null, null, "test", "exact", null), List.of(new FieldSpec("名称", FieldType.STRING, "名称", "Name")),
                "empty-layer@test"), Collections.emptyIterator(), WriteProgress.NONE);
        Map<String, String> documents = new LinkedHashMap<>();
        documents.put("plan-tilesets", "/ogc/tiles");
        documents.put("collection-tilesets", "/ogc/collections/districts/tiles");
        documents.put("plan-tileset", "/ogc/tiles/WebMercatorQuad");
        documents.put("collection-tileset", "/ogc/collections/projects/tiles/WebMercatorQuad");
        documents.put("empty-tileset", "/ogc/collections/empty-layer/tiles/WebMercatorQuad");
        documents.put("plan-tilejson", "/ogc/tiles/WebMercatorQuad/tilejson.json");
        documents.put("collection-tilejson", "/ogc/collections/districts/tiles/WebMercatorQuad/tilejson.json");
        documents.put("empty-tilejson", "/ogc/collections/empty-layer/tiles/WebMercatorQuad/tilejson.json");
        documents.put("tile-matrix-sets", "/ogc/tileMatrixSets");
        documents.put("tile-matrix-set", "/ogc/tileMatrixSets/WebMercatorQuad");

        Http http = new Http(port);
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, String> document : documents.entrySet()) {
            Http.Response answer = http.get(document.getValue());
            assertThat(answer.status()).as(document.getValue()).isEqualTo(200);
            String actual = answer.body().replace(http.base(), "{base}");
            String expected = expected(document.getKey());
            if (!actual.equals(expected)) {
                Files.createDirectories(DIFFERING);
                Files.writeString(DIFFERING.resolve(document.getKey() + ".json"), actual);
            }
            softly.assertThat(actual).as(document.getValue()).isEqualTo(expected);
        }
        softly.assertAll();
    }

    private static String expected(String name) throws IOException {
        try (InputStream in = TileDocumentsTest.class.getResourceAsStream("/tiles/documents/" + name + ".json")) {
            return in == null ? "(no expected document " + name + ".json)" : new String(in.readAllBytes(),
                    StandardCharsets.UTF_8);
        }
    }
}
