package org.changchun.layout.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.changchun.layout.support.Http;
import org.changchun.layout.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every number a request carries, in the query, a form or the path, is read in one way: NaN,
 * infinities, numbers out of range and things that are not numbers are a 400 problem document
 * naming the parameter, the value and the range, before any work, never a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "plan.security.users[0].name=editor",
    "plan.security.users[0].password={noop}editor-secret",
    "plan.security.users[0].roles=EDITOR",
    "plan.security.users[1].name=chief",
    "plan.security.users[1].password={noop}chief-secret",
    "plan.security.users[1].roles=ADMIN"})
class NumericParametersTest {

    private static final String EDITOR = Http.basic("editor", "editor-secret");
    private static final String ADMIN = Http.basic("chief", "chief-secret");
    private static final String DRAWN = "{\"type\": \"Polygon\", \"coordinates\": "
            + "[[[125.2, 43.8], [125.4, 43.8], [125.4, 44.0], [125.2, 43.8]]]}";
    private static final List<String> NOT_NUMBERS = List.of("NaN", "Infinity", "-Infinity", "1e999", "0x1A", "١٢");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.register("h2gis", registry);
    }

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aNearQuestionWithDistanceNaNIsA400NamingTheParameterAndItsRange() {
        for (String value : List.of("NaN", "Infinity", "-1", "100001")) {
            Http.Response get = http.get("/api/coverage/projects?layer=dev-zones&feature=qikai&mode=near&distance=" + value);
            assertRefused(get, "distance", value, "0 to 100000");
            Http.Response post = http.send("POST", "/api/coverage/projects?mode=near&distance=" + value, DRAWN,
                    "application/json");
            assertRefused(post, "distance", value, "0 to 100000");
        }
        assertThat(http.get("/api/coverage/projects?layer=dev-zones&feature=qikai&mode=near&distance=2e3").status())
                .isEqualTo(200);
    }

    @Test
    void everyNumericQueryAndPathParameterRefusesWhatIsNotANumberInItsRange() {
        Map<String, String> ranges = Map.ofEntries(
                Map.entry("/api/identify?lat=43.9&lon=", "lon:-180 to 180"),
                Map.entry("/api/identify?lon=125.3&lat=", "lat:-90 to 90"),
                Map.entry("/api/identify?lon=125.3&lat=43.9&tolerance=", "tolerance:0 to 100000"),
                Map.entry("/ogc/collections/districts/items?limit=", "limit:1 to 10000"),
                Map.entry("/ogc/collections/districts/items?offset=", "offset:0 to 9223372036854775807"),
                Map.entry("/ogc/collections/districts/items?area_km2=", "area_km2:finite number"),
                Map.entry("/ogc/collections/projects/items?start_year=", "start_year:whole number"),
                Map.entry("/ogc/collections/districts/items?bbox=125,43,126,", "bbox:finite number"),
                Map.entry("/ogc/collections/districts/tiles/WebMercatorQuad/", "z:0 to 2147483647"),
                Map.entry("/ogc/tiles/WebMercatorQuad/3/", "y:0 to 2147483647"));
        ranges.forEach((path, expected) -> {
            String name = expected.substring(0, expected.indexOf(':'));
            for (String value : NOT_NUMBERS) {
                String url = path + URLEncoder.encode(value, StandardCharsets.UTF_8) + (path.endsWith("Quad/") ? "/0/0"
                        : path.endsWith("/3/") ? "/0" : "");
                assertRefused(http.get(url), name, value, expected.substring(expected.indexOf(':') + 1));
            }
        });
    }

    @Test
    void numbersInFormsAndAdminRequestsAreReadTheSameWay() {
        for (String value : NOT_NUMBERS) {
            Http.Response upload = http.upload("/api/imports", "plan.zip", new byte[] {'P', 'K', 3, 4},
                    Map.of("srid", value, "dryRun", "true"), "Authorization", EDITOR);
            assertRefused(upload, "srid", value, "1024 to 32767");
            assertRefused(http.send("GET", "/api/admin/audit?limit=" + URLEncoder.encode(value, StandardCharsets.UTF_8),
                    null, null, "Authorization", ADMIN), "limit", value, "1 to 10000");
            assertRefused(http.send("POST", "/api/layers/districts/versions/"
                    + URLEncoder.encode(value, StandardCharsets.UTF_8) + "/restore", null, null, "Authorization", EDITOR),
                    "version", value, "1 to 9223372036854775807");
        }
    }

    private static void assertRefused(Http.Response response, String parameter, String value, String range) {
        String what = parameter + "=" + value + " → " + response.body();
        assertThat(response.status()).as(what).isEqualTo(400);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("message_en").asString()).as(what)
                .contains("parameter '" + parameter + "'", "'" + value + "'", range);
        assertThat(problem.get("message_zh").asString()).as(what).contains("“" + parameter + "”", value);
        assertThat(problem.get("message").asString()).as(what)
                .isEqualTo(problem.get("message_zh").asString() + " / " + problem.get("message_en").asString());
    }
}
