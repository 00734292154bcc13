package org.changchun.layout.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.changchun.layout.geo.WebMercator;
import org.changchun.layout.support.Http;
import org.changchun.layout.support.StreamingReplication;
import org.changchun.layout.support.Waiting;
import org.changchun.layout.tiles.TileAddress;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reads on a hot standby ({@code plan.store.read-url}), on a real primary and a real streaming
 * standby made with {@code pg_basebackup -R}. Which of the two ran a query is read from their own
 * statement logs, not from the service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "plan.security.users[0].name=editor",
    "plan.security.users[0].password={noop}editor-secret",
    "plan.security.users[0].roles=EDITOR",
    "plan.catalog.refresh-interval=1h"})
class PostgisReadStandbyTest {

    /** z14 tile over the 汽开区 (FAW area), where the test puts its project. */
    private static final TileAddress TILE = TileAddress.of(14, 5966, 13890, 22);
    private static final String TILE_PATH = "/ogc/collections/projects/tiles/WebMercatorQuad/14/5966/13890";
    private static final String EDITOR = Http.basic("editor", "editor-secret");

    private static StreamingReplication replication;
    private final AtomicInteger probes = new AtomicInteger();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        try {
            replication = StreamingReplication.start();
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not start a primary and its standby: " + e.getMessage(), e);
        }
        registry.add("spring.datasource.url", replication::primaryUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("plan.store.read-url", replication::standbyUrl);
        // the throwaway clusters trust local connections and have no password
        registry.add("plan.security.allow-insecure-defaults", () -> "true");
    }

    @LocalServerPort
    int port;

    @Test
    void readsGoToTheStandbyWhenItHasCaughtUpAndToThePrimaryWhenItLagsOrIsDownUntilItIsBack() throws Exception {
        Http http = new Http(port);
        replication.awaitReplay(Duration.ofSeconds(30));

        Waiting.until(Duration.ofSeconds(10), () -> itemsRanOn(http).equals("standby"));
        assertThat(ranOn("ST_AsMVT", () -> http.get(TILE_PATH))).as("a tile").isEqualTo("standby");
        // the primary writes now and then by itself (the standby is BEHIND for those milliseconds)
        Waiting.until(Duration.ofSeconds(10), () -> health(http).contains("\"state\":\"CURRENT\""));

        String created = ranOn("INSERT INTO", () -> http.send("POST", "/ogc/collections/projects/items",
                project("standby-test", "备库测试项目（示例）"), "application/geo+json", "Authorization", EDITOR));
        assertThat(created).as("an edit").isEqualTo("primary");
        assertThat(named(http, "备库测试项目（示例）")).as("the editor reads their own write at once").isEqualTo(1);

        replication.onStandby("SELECT pg_wal_replay_pause()");
        Http.Response renamed = http.send("PATCH", "/ogc/collections/projects/items/standby-test",
                "{\"properties\": {\"name_zh\": \"备库暂停时改名（示例）\"}}", "application/merge-patch+json",
                "Authorization", EDITOR);
        assertThat(renamed.status()).isEqualTo(204);
        assertThat(named(http, "备库暂停时改名（示例）")).as("a standby that stopped replaying is not read")
                .isEqualTo(1);
        assertThat(itemsRanOn(http)).isEqualTo("primary");
        Http.Response tile = http.get(TILE_PATH);
        assertThat(tile.status()).isEqualTo(200);
        assertThat(new String(tile.bytes(), StandardCharsets.UTF_8)).as("the tile after the edit")
                .contains("备库暂停时改名（示例）");
        Http.Response again = http.get(TILE_PATH);
        assertThat(again.header("ETag")).isEqualTo(tile.header("ETag"));
        assertThat(new String(again.bytes(), StandardCharsets.UTF_8)).as("the tile cached under the new version")
                .contains("备库暂停时改名（示例）");
        assertThat(health(http)).contains("\"state\":\"BEHIND\"");

        replication.onStandby("SELECT pg_wal_replay_resume()");
        Waiting.until(Duration.ofSeconds(10), () -> itemsRanOn(http).equals("standby"));
        assertThat(named(http, "备库暂停时改名（示例）")).isEqualTo(1);

        replication.stopStandby();
        for (int i = 0; i < 3; i++) {
            assertThat(itemsRanOn(http)).as("with the standby stopped").isEqualTo("primary");
        }
        String otherTile = "/ogc/collections/districts/tiles/WebMercatorQuad/10/372/868";
        Http.Response fromPrimary = http.get(otherTile);
        assertThat(fromPrimary.status()).as(fromPrimary.body()).isEqualTo(200);
        assertThat(health(http)).contains("\"status\":\"UP\"").contains("\"state\":\"DOWN\"");

        replication.startStandby();
        Waiting.until(Duration.ofSeconds(20), () -> itemsRanOn(http).equals("standby"));
        Waiting.until(Duration.ofSeconds(10), () -> health(http).contains("\"state\":\"CURRENT\""));
    }

    /** Runs an items query that no other makes, and tells which database ran it. */
    private String itemsRanOn(Http http) {
        String marker = "probe-" + probes.incrementAndGet();
        return ranOn(marker, () -> http.get("/ogc/collections/projects/items?filter="
                + Http.encode("name_zh = '" + marker + "'")));
    }

    /** Sends a request and tells which database logged the text while answering it: "primary", "standby", "both" or "none". */
    private static String ranOn(String text, Supplier<Http.Response> request) {
        try {
            int primaryBefore = replication.primaryLog().length();
            int standbyBefore = replication.standbyLog().length();
            Http.Response response = request.get();
            assertThat(response.status()).as(response.body()).isLessThan(300);
            boolean primary = replication.primaryLog().substring(primaryBefore).contains(text);
            boolean standby = replication.standbyLog().substring(standbyBefore).contains(text);
            return primary && standby ? "both" : primary ? "primary" : standby ? "standby" : "none";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int named(Http http, String name) {
        Http.Response items = http.get("/ogc/collections/projects/items?filter=" + Http.encode("name_zh = '" + name + "'"));
        assertThat(items.status()).as(items.body()).isEqualTo(200);
        return items.json().get("numberReturned").asInt();
    }

    private static String health(Http http) {
        return http.get("/actuator/health").body();
    }

    private static String project(String id, String name) {
        Coordinate centre = WebMercator.toLonLat(TILE.mercator()).centre();
        return """
                {"type": "Feature", "id": "%s",
                 "properties": {"name_zh": "%s", "name_en": "Standby test project (sample)",
                                "city": "automobile", "status": "planned", "sample": true},
                 "geometry": {"type": "Point", "coordinates": [%s, %s]}}""".formatted(id, name, centre.x, centre.y);
    }
}
