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
        http.get("/ogc/collections/districts/tiles/WebMercatorQuad/10/372/868");
        http.get("/ogc/collections/districts/tiles/WebMercatorQuad/10/372/868");
        String metrics = http.get("/actuator/prometheus").body();
        assertThat(metrics).contains("http_server_requests_seconds_count{")
                .contains("uri=\"/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}/{z}/{y}/{x}\"")
                .contains("cache_gets_total{cache=\"tiles\"").contains("result=\"hit\"")
                .contains("plan_imports_features_total");
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
