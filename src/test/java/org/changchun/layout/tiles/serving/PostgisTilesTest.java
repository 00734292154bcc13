package org.changchun.layout.tiles.serving;

import static org.assertj.core.api.Assertions.assertThat;

import org.changchun.layout.LayoutApplication;
import org.changchun.layout.support.Http;
import org.changchun.layout.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgisTilesTest extends TilesTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.register("postgis", registry);
    }

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Test
    void anEditOnOneReplicaChangesTheTilesOfAnotherAtOnce() throws InterruptedException {
        try (ConfigurableApplicationContext replica = new SpringApplicationBuilder(LayoutApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off", "--spring.datasource.url=" + databaseUrl,
                        "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--plan.catalog.refresh-interval=1h", "--plan.security.allow-insecure-defaults=true")) {
            Http other = new Http(((WebServerApplicationContext) replica).getWebServer().getPort());
            String tile = "/ogc/collections/projects/tiles/WebMercatorQuad/" + AUTO_ZONE_TILE;
            String before = other.get(tile).header("ETag");
            assertThat(before).isEqualTo(http.get(tile).header("ETag"));

            addProjectInAutoZoneTile("replica-edit");

            String after = before;
            for (int attempt = 0; attempt < 40 && after.equals(before); attempt++) {
                Thread.sleep(50);
                after = other.get(tile).header("ETag");
            }
            assertThat(after).as("the other replica's tile after the edit").isNotEqualTo(before)
                    .isEqualTo(http.get(tile).header("ETag"));
        }
    }
}
