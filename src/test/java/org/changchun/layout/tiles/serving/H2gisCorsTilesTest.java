package org.changchun.layout.tiles.serving;

import static org.assertj.core.api.Assertions.assertThat;

import org.changchun.layout.support.Http;
import org.changchun.layout.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Every tile test again with a browser origin listed for credentialed requests (CORS): public tile
 * reads still answer every origin alike, and every answer says it varies by {@code Origin}, as
 * Spring marks those of the full chain.
 */
@TestPropertySource(properties = "plan.security.cors-allowed-origins=https://maps.example.org")
class H2gisCorsTilesTest extends TilesTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.register("h2gis", registry);
    }

    @Test
    void aPublicTileSaysItVariesByOriginSoSharedCachesKeepCrossOriginCopiesApart() {
        String tile = "/ogc/collections/districts/tiles/WebMercatorQuad/" + CENTRE_TILE;
        for (Http client : java.util.List.of(http, new Http(containerPort))) {
            Http.Response sameOrigin = client.get(tile);
            assertThat(sameOrigin.headers().allValues("Vary")).containsExactly(
                    "Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers", "Accept-Encoding");
            Http.Response crossOrigin = client.send("GET", tile, null, null, "Origin", "https://maps.example.org");
            assertThat(crossOrigin.header("Access-Control-Allow-Origin")).as("a public read").isEqualTo("*");
            assertThat(crossOrigin.header("Access-Control-Allow-Credentials")).isNull();
            assertThat(crossOrigin.bytes()).isEqualTo(sameOrigin.bytes());
            Http.Response signedIn = client.send("GET", tile, null, null, "Origin", "https://maps.example.org",
                    "Authorization", Http.basic("editor", "editor-secret"));
            assertThat(signedIn.header("Access-Control-Allow-Origin")).as("a listed origin, with credentials")
                    .isEqualTo("https://maps.example.org");
            assertThat(signedIn.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        }
    }
}
