package org.changchun.layout.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import org.changchun.layout.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A question whose answer would hold more features than {@code plan.coverage.max-features} is
 * refused with a 400 saying what to do instead, whether the area is a plan polygon (counted through
 * its links, no further than the limit) or a drawn one; run on each store by the subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "plan.coverage.max-features=" + CoverageLimitTest.MOST)
abstract class CoverageLimitTest {

    static final int MOST = 3;

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aPlanPolygonWithMoreFeaturesThanTheLimitIsRefusedAndOneWithFewerAnswered() {
        int refused = 0;
        int answered = 0;
        for (String district : new String[] {"220102", "220103", "220104", "220105", "220106", "220112", "220113",
            "220122", "220182", "220183", "220184"}) {
            Http.Response intersecting = http.get("/api/coverage/projects?mode=intersects&layer=districts&feature=" + district);
            if (intersecting.status() == 400) {
                assertThat(intersecting.json().get("message_en").asString()).as(district)
                        .contains("more features match than the " + MOST).contains("/ogc/collections/projects/items");
                assertThat(intersecting.json().get("message_zh").asString()).contains("上限 " + MOST);
                refused++;
            } else {
                assertThat(intersecting.status()).as(intersecting.body()).isEqualTo(200);
                assertThat(intersecting.json().get("features").size()).isLessThanOrEqualTo(MOST);
                answered++;
            }
        }
        assertThat(refused).as("districts with more projects than the limit").isPositive();
        assertThat(answered).as("districts with the limit or fewer").isPositive();
    }

    @Test
    void aDrawnPolygonWithMoreFeaturesThanTheLimitIsRefused() {
        String city = "{\"type\": \"Polygon\", \"coordinates\": [[[124.0, 43.0], [127.0, 43.0], [127.0, 45.5], "
                + "[124.0, 45.5], [124.0, 43.0]]]}";
        Http.Response answer = http.send("POST", "/api/coverage/projects?mode=intersects", city, "application/json");

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("message_en").asString()).contains("more features match than the " + MOST);
    }
}
