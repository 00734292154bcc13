package org.changchun.layout.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.changchun.layout.support.Http;
import org.changchun.layout.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Health, metrics and the configured bounds, as an operator and a careless client meet them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "plan.limits.max-body=2KB",
    "plan.limits.cql2-max-depth=3",
    "plan.security.users[0].name=editor",
    "plan.security.users[0].password={noop}editor-secret",
    "plan.security.users[0].roles=EDITOR"})
class OperationsTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.register("h2gis", registry);
    }

    @LocalServerPort
    int port;

    @Test
    void healthReportsTheStoreAndTheDisk() {
        Http http = new Http(port);
        String health = http.get("/actuator/health").body();
        assertThat(health).contains("\"store\"").contains("\"diskSpace\"").contains("\"status\":\"UP\"");
    }

    @Test
    void prometheusMetricsCoverRequestsTheTileCacheAndImports() {
        Http http = new Http(port);
        String tile = "/ogc/collections/districts/tiles/WebMercatorQuad/10/372/869";
        String before = http.get("/actuator/prometheus").body();
        Http.Response miss = http.get(tile);
        http.get(tile);
        http.send("GET", tile, null, null, "If-None-Match", miss.header("ETag"));
        // with credentials the request goes through Spring Security and MVC, and its observation
        http.send("GET", tile, null, null, "Authorization", Http.basic("editor", "editor-secret"));
        String metrics = http.get("/actuator/prometheus").body();

        assertThat(count(metrics, TILE_SERIES.formatted("SUCCESS", 200)) - count(before, TILE_SERIES.formatted("SUCCESS", 200)))
                .as("answers before and after Spring MVC, in one series").isEqualTo(3);
        assertThat(count(metrics, TILE_SERIES.formatted("REDIRECTION", 304)) - count(before, TILE_SERIES.formatted("REDIRECTION", 304)))
                .isEqualTo(1);
        assertThat(metrics).contains("uri=\"/actuator/prometheus\"")
                .contains("cache_gets_total{cache=\"tiles\"").contains("result=\"hit\"")
                .contains("plan_imports_features_total");
    }

    private static final String TILE_SERIES = "http_server_requests_seconds_count{error=\"none\",exception=\"none\","
            + "method=\"GET\",outcome=\"%s\",status=\"%d\","
            + "uri=\"/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}/{z}/{y}/{x}\"} ";

    private static long count(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(series.length()).trim())).sum();
    }

    @Test
    void boundsAnswerWithAClearClientError() {
        Http http = new Http(port);
        String big = "{\"type\": \"Feature\", \"properties\": {\"name_zh\": \"" + "长".repeat(2000) + "\"}, "
                + "\"geometry\": {\"type\": \"Point\", \"coordinates\": [125.3, 43.9]}}";
        Http.Response tooBig = http.send("POST", "/ogc/collections/projects/items", big, "application/geo+json",
                "Authorization", Http.basic("editor", "editor-secret"));
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().get("message_en").asString()).contains("plan.limits.max-body");
        Http.Response deep = http.get("/ogc/collections/districts/items?filter="
                + java.net.URLEncoder.encode("((((name_zh = 'a'))))", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(deep.status()).isEqualTo(400);
        assertThat(http.get("/ogc/collections/districts/items?limit=10001").status()).isEqualTo(400);
    }
}
