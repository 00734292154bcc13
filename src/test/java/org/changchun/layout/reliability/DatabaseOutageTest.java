package org.changchun.layout.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import org.changchun.layout.support.DatabaseCutOff;
import org.changchun.layout.support.Http;
import org.changchun.layout.support.TestPostgis;
import org.changchun.layout.support.Waiting;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PostGIS database goes away under a running service and comes back: the service says so
 * (health DOWN, 503 with Retry-After, never a 500), keeps serving what it has cached, and
 * recovers by itself. The outage is real: the server refuses the database's connections and
 * ends those open, as a restarting or failing-over database does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.hikari.connection-timeout=8000",
    "plan.security.users[0].name=planner",
    "plan.security.users[0].password={noop}planner-secret",
    "plan.security.users[0].roles=EDITOR",
    "plan.tiles.max-age=60s"})
class DatabaseOutageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestPostgis.Database database;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        database = TestPostgis.instance().newDatabase();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
        registry.add("plan.security.allow-insecure-defaults", () -> "true");
    }

    @LocalServerPort
    int port;

    /** The servlet container's, behind the front door. */
    @Value("${local.container.port}")
    int containerPort;

    @Test
    void anOutageIsA503WithHealthDownAndTheServiceRecoversByItself() throws Exception {
        Http http = new Http(port);
        String tile = "/ogc/collections/districts/tiles/WebMercatorQuad/10/372/868";
        assertThat(http.get(tile).status()).isEqualTo(200);
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);

        cutOff(true);
        try {
            String page = "/ogc/collections/districts/items?bbox=125.2,43.7,125.4,43.9";
            long askedForItems = System.nanoTime();
            Http.Response items = http.get(page);
            assertThat(Duration.ofNanos(System.nanoTime() - askedForItems))
                    .as("one wait for the pool, not two: the front door answers the page's failure itself")
                    .isLessThan(Duration.ofSeconds(14));
            assertThat(items.status()).as(items.body()).isEqualTo(503);
            Http.Response byContainer = new Http(containerPort).get(page);
            assertThat(items.json()).as("the container's problem document").isEqualTo(byContainer.json());
            assertThat(items.headersButFraming()).isEqualTo(byContainer.headersButFraming());
            Http.Response compressed = http.send("GET", page, null, null, "Accept-Encoding", "gzip, deflate",
                    "Origin", "https://maps.example.org");
            Http.Response compressedByContainer = new Http(containerPort).send("GET", page, null, null,
                    "Accept-Encoding", "gzip, deflate", "Origin", "https://maps.example.org");
            assertThat(compressed.status()).isEqualTo(503);
            assertThat(compressed.headersButFraming()).isEqualTo(compressedByContainer.headersButFraming());
            assertThat(JSON.readTree(compressed.decodedBody())).isEqualTo(JSON.readTree(compressedByContainer.decodedBody()));
            assertThat(items.header("Retry-After")).isEqualTo("10");
            assertThat(items.json().get("message_zh").asString()).contains("数据库暂时不可用");
            assertThat(items.json().get("message_en").asString()).contains("database is unreachable");
            long asked = System.nanoTime();
            Http.Response health = http.get("/actuator/health");
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("a probe gets its answer in time, "
                    + "however long requests wait for a connection").isLessThan(Duration.ofSeconds(5));
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"");
            assertThat(http.get(tile).status()).as("a cached tile is still served").isEqualTo(200);

            String uncached = "/ogc/collections/districts/tiles/WebMercatorQuad/11/745/1737";
            asked = System.nanoTime();
            Http.Response anonymous = http.get(uncached);
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("one wait for the pool, not two")
                    .isLessThan(Duration.ofSeconds(14));
            Http.Response signedIn = http.send("GET", uncached, null, null, "Authorization",
                    Http.basic("planner", "planner-secret"));
            assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(503);
            assertThat(anonymous.header("Retry-After")).isEqualTo("10");
            assertThat(anonymous.json().get("message_zh").asString()).contains("数据库暂时不可用");
            assertThat(signedIn.status()).isEqualTo(503);
            assertThat(signedIn.header("Retry-After")).isEqualTo("10");
            assertThat(anonymous.contentType()).isEqualTo(signedIn.contentType());
            assertThat(anonymous.json()).as("the same problem document on both paths").isEqualTo(signedIn.json());
        } finally {
            cutOff(false);
        }

        Waiting.until(Duration.ofSeconds(30), () -> http.get("/actuator/health").status() == 200);
        Http.Response items = http.get("/ogc/collections/districts/items?bbox=125.2,43.7,125.4,43.9");
        assertThat(items.status()).isEqualTo(200);
        assertThat(items.json().get("numberReturned").asInt()).isPositive();
    }

    private static void cutOff(boolean refuse) throws SQLException {
        DatabaseCutOff.cutOff(database, refuse);
    }
}
