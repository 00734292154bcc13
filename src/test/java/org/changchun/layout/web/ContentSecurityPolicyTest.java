package org.changchun.layout.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service's pages carry a strict Content-Security-Policy and a Referrer-Policy, and the map
 * page, the OGC HTML views and Swagger UI work under it: every browser test checks that nothing
 * was blocked ({@link BrowserTest}); this one walks through what those tests do not.
 */
class ContentSecurityPolicyTest extends BrowserTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void freshBrowser() {
        browser.reset();
    }

    @Test
    void pagesForbidInlineScriptAndSendNoFullReferrer() throws Exception {
        for (String request : new String[] {"GET /", "HEAD /", "GET /index.html", "HEAD /index.html", "GET /ogc?f=html",
            "GET /swagger-ui/index.html", "GET /api/layers", "HEAD /api/layers"}) {
            String page = request.substring(request.indexOf(' ') + 1);
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + page))
                    .method(request.substring(0, request.indexOf(' ')), HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(request).hasValueSatisfying(policy ->
                    assertThat(policy).contains("script-src 'self';", "style-src 'self'", "connect-src 'self'",
                            "object-src 'none'", "frame-ancestors 'none'")
                            .doesNotContain(page.startsWith("/swagger-ui/") ? "unsafe-eval" : "unsafe"));
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(request)
                    .hasValue("strict-origin-when-cross-origin");
        }
    }

    @Test
    void tilesCarryNoDocumentPolicy() throws Exception {
        HttpResponse<Void> tile = get("/ogc/collections/districts/tiles/WebMercatorQuad/8/92/216");
        assertThat(tile.statusCode()).isEqualTo(200);
        assertThat(tile.headers().firstValue("Content-Security-Policy")).isEmpty();
        assertThat(tile.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void theMapPageItsPanelsAndTheApiPagesRunUnderThePolicy() {
        browser.open("/?city=automobile&tab=projects");
        browser.waitForMap();
        browser.waitFor(".project-item");
        browser.find(".project-item").click();
        browser.waitFor("#project-card:not([hidden]) .card-cities .city-chip");
        browser.find("#tab-cities").click();
        browser.waitFor("#city-districts li");
        assertThat((String) browser.script("return getComputedStyle(document.querySelector('.city-title'))"
                + ".getPropertyValue('--city-colour').trim()")).isNotEmpty();

        browser.driver().get(browser.driver().getCurrentUrl().replaceAll("/\\?.*", "/ogc/collections?f=html"));
        browser.waitFor("table");
        assertThat((String) browser.script("return getComputedStyle(document.body).marginTop")).isNotEqualTo("0px");

        browser.driver().get(browser.driver().getCurrentUrl().replaceAll("/ogc/.*", "/swagger-ui/index.html"));
        browser.waitFor(".opblock");

        assertThat(browser.policyViolations()).isEmpty();
    }

    private HttpResponse<Void> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
