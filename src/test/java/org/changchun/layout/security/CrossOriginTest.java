package org.changchun.layout.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.changchun.layout.support.Http;
import org.changchun.layout.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Browser pages of other origins: public reads answer any origin without credentials, as tile
 * servers do; requests with credentials answer only the listed origin, with credentials, and are
 * refused from any other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "plan.security.users[0].name=editor",
    "plan.security.users[0].password={noop}editor-secret",
    "plan.security.users[0].roles=EDITOR",
    "plan.security.cors-allowed-origins=" + CrossOriginTest.LISTED})
class CrossOriginTest {

    static final String LISTED = "https://planning.example.gov.cn";
    private static final String ELSEWHERE = "https://someone-elses-map.example.org";
    private static final String EDITOR = Http.basic("editor", "editor-secret");
    private static final List<String> PUBLIC_READS = List.of(
            "/ogc/collections/districts/tiles/WebMercatorQuad/10/372/868",
            "/ogc/tiles/WebMercatorQuad/10/372/868",
            "/ogc/tiles/WebMercatorQuad/tilejson.json",
            "/ogc/collections/districts/tiles/WebMercatorQuad/tilejson.json",
            "/ogc/collections/districts/tiles/WebMercatorQuad",
            "/ogc/tileMatrixSets/WebMercatorQuad",
            "/ogc/collections",
            "/ogc/collections/districts/items?limit=2");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.register("h2gis", registry);
    }

    @Test
    void publicReadsAnswerAnyOriginWithoutCredentials() {
        Http http = new Http(port);
        for (String path : PUBLIC_READS) {
            for (String origin : List.of(ELSEWHERE, LISTED)) {
                Http.Response read = http.send("GET", path, null, null, "Origin", origin);
                assertThat(read.status()).as(path).isEqualTo(200);
                assertThat(read.header("Access-Control-Allow-Origin")).as(path + " from " + origin).isEqualTo("*");
                assertThat(read.header("Access-Control-Allow-Credentials")).as(path).isNull();
                assertThat(read.header("Access-Control-Expose-Headers")).as(path).contains("ETag");
                assertThat(String.join(",", read.headers().allValues("Vary"))).as(path).containsIgnoringCase("Origin");
            }
            Http.Response preflight = http.send("OPTIONS", path, null, null, "Origin", ELSEWHERE,
                    "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "if-none-match");
            assertThat(preflight.status()).as("preflight of " + path).isEqualTo(200);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
            assertThat(preflight.header("Access-Control-Allow-Methods")).contains("GET");
            assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
        }
    }

    @Test
    void credentialedRequestsAnswerOnlyTheListedOrigins() {
        Http http = new Http(port);
        String items = "/ogc/collections/districts/items?limit=2";
        for (String[] credentials : List.of(new String[] {"Authorization", EDITOR},
                new String[] {"X-API-Key", "ccp_not-even-a-key"}, new String[] {"Cookie", "JSESSIONID=someone"})) {
            Http.Response elsewhere = http.send("GET", items, null, null, "Origin", ELSEWHERE, credentials[0],
                    credentials[1]);
            assertThat(elsewhere.status()).as(credentials[0] + " from an unlisted origin").isEqualTo(403);
            assertThat(elsewhere.header("Access-Control-Allow-Origin")).isNull();
        }

        Http.Response listed = http.send("GET", items, null, null, "Origin", LISTED, "Authorization", EDITOR);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.header("Access-Control-Allow-Origin")).isEqualTo(LISTED);
        assertThat(listed.header("Access-Control-Allow-Credentials")).isEqualTo("true");

        Http.Response preflight = http.send("OPTIONS", items, null, null, "Origin", ELSEWHERE,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization");
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        Http.Response listedPreflight = http.send("OPTIONS", "/ogc/collections/projects/items", null, null,
                "Origin", LISTED, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization, content-type");
        assertThat(listedPreflight.status()).isEqualTo(200);
        assertThat(listedPreflight.header("Access-Control-Allow-Origin")).isEqualTo(LISTED);
        assertThat(listedPreflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");

        Http.Response write = http.send("POST", "/ogc/collections/projects/items", "{}", "application/geo+json",
                "Origin", ELSEWHERE, "Authorization", EDITOR);
        assertThat(write.status()).as("a write from an unlisted origin").isEqualTo(403);
        assertThat(write.header("Access-Control-Allow-Origin")).isNull();
    }
}
