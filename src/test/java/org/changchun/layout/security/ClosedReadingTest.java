package org.changchun.layout.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.changchun.layout.support.Http;
import org.changchun.layout.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With anonymous reading switched off, every request needs a sign-in, but the page and health load. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "plan.security.anonymous-read=false",
    "plan.security.users[0].name=planner",
    "plan.security.users[0].password={noop}planner-secret",
    "plan.security.users[0].roles=EDITOR"})
class ClosedReadingTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.register("h2gis", registry);
    }

    @LocalServerPort
    int port;

    @Test
    void readingNeedsASignInButThePageAndHealthLoad() {
        Http http = new Http(port);
        assertThat(http.get("/api/layers").status()).isEqualTo(401);
        assertThat(http.get("/ogc/collections/districts/items").status()).isEqualTo(401);
        assertThat(http.send("GET", "/api/layers", null, null, "Authorization", Http.basic("planner", "planner-secret"))
                .status()).isEqualTo(200);
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
        assertThat(http.get("/").status()).isEqualTo(200);
        assertThat(http.get("/api/me").status()).isEqualTo(200);
    }

    /** Only the form sign-in opens a session: a refused read must not start one for a login page to come back to. */
    @Test
    void aRefusedReadOpensNoSession() {
        Http.Response refused = new Http(port).get("/api/layers");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Set-Cookie")).isNull();
    }

    @Test
    void theErrorOfAPublicPageIsNotTurnedIntoASignInRequest() {
        Http.Response range = new Http(port).send("GET", "/index.html", null, null, "Range", "bytes=99999999-");
        assertThat(range.status()).as(range.body()).isEqualTo(416);
        assertThat(range.contentType()).startsWith("application/problem+json");
        assertThat(range.header("Set-Cookie")).isNull();
    }

    @Test
    void aTileNeedsASignInWhetherCachedOrNot() {
        Http http = new Http(port);
        String tile = "/ogc/collections/districts/tiles/WebMercatorQuad/10/372/868";
        Http.Response signedIn = http.send("GET", tile, null, null, "Authorization", Http.basic("planner", "planner-secret"));
        assertThat(signedIn.status()).isEqualTo(200);

        assertThat(http.get(tile).status()).isEqualTo(401);
        assertThat(http.send("GET", tile, null, null, "If-None-Match", signedIn.header("ETag")).status()).isEqualTo(401);
        assertThat(http.get("/ogc/collections/districts/tiles/WebMercatorQuad/9/186/434").status()).isEqualTo(401);
    }
}
