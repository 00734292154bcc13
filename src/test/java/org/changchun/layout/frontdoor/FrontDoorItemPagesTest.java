package org.changchun.layout.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.List;
import org.changchun.layout.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Pages of items through the front door, which answers an anonymous page of GeoJSON itself and
 * relays the rest, against the servlet container behind it asked the same; run on each store by
 * the subclasses (on PostgreSQL text values go to the JSON as the driver's bytes).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "plan.security.users[0].name=editor",
    "plan.security.users[0].password={noop}editor-secret",
    "plan.security.users[0].roles=EDITOR"})
abstract class FrontDoorItemPagesTest {


    @LocalServerPort
    int port;

    /** The servlet container's, behind the front door. */
    @Value("${local.container.port}")
    int containerPort;

    @Autowired
    MeterRegistry meters;

    @Autowired
    FrontDoor frontDoor;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void theFrontDoorAnswersPagesOfItemsAsTheServletContainerDoes() {
        assertThat(frontDoor.port()).as("the port clients are given is the front door's").isEqualTo(port);
        Http container = new Http(containerPort);
        String districts = "/ogc/collections/districts/items";
        String projects = "/ogc/collections/projects/items";
        List<String[]> requests = List.of(
                new String[] {"GET", districts},
                new String[] {"GET", districts + "?limit=3&offset=2"},
                new String[] {"GET", districts + "?offset=8&limit=3"},
                new String[] {"GET", projects + "?bbox=125.2,43.7,125.5,44.0&limit=4"},
                new String[] {"GET", districts + "?properties=name_zh,adcode&sortby=-adcode&f=geojson"},
                new String[] {"GET", districts + "?crs=http://www.opengis.net/def/crs/EPSG/0/4490&limit=1"},
                new String[] {"GET", districts + "?crs=http%3A%2F%2Fwww.opengis.net%2Fdef%2Fcrs%2FEPSG%2F0%2F3857&limit=1"},
                new String[] {"GET", districts + "?filter=name_zh%20LIKE%20%27%25%E5%8C%BA%27&limit=2"},
                new String[] {"GET", districts + "?filter=adcode+%3D+%27220102%27"},
                new String[] {"GET", districts + "?adcode=220102&f=json"},
                new String[] {"GET", districts + "?limit=2", "Accept", "application/geo+json"},
                new String[] {"GET", districts + "?limit=2", "Accept", "application/xml"},
                new String[] {"GET", districts + "?limit=2", "Accept", "text/html,application/xhtml+xml"},
                new String[] {"GET", districts + "?f=html&limit=2"},
                new String[] {"GET", districts + "?limit=2", "Accept-Encoding", "gzip"},
                new String[] {"GET", districts, "Accept-Encoding", "gzip, deflate, br, zstd"},
                new String[] {"GET", districts, "Accept-Encoding", "deflate"},
                new String[] {"GET", districts, "Accept-Encoding", "identity"},
                new String[] {"GET", districts, "Accept-Encoding", "gzip;q=0, deflate"},
                new String[] {"GET", districts, "Accept-Encoding", "*"},
                new String[] {"GET", districts + "?limit=2", "Origin", "https://maps.example.org"},
                new String[] {"GET", districts, "Origin", "https://maps.example.org", "Accept-Encoding", "gzip"},
                new String[] {"GET", districts + "?limit=2", "Origin", "null"},
                new String[] {"GET", districts + "?limit=2", "Authorization", Http.basic("editor", "wrong")},
                new String[] {"GET", districts + "?limit=0"},
                new String[] {"GET", districts + "?limit=2&limit=3"},
                new String[] {"GET", districts + "?limit=2&&offset=1"},
                new String[] {"GET", districts + "?limit"},
                new String[] {"GET", districts + "?bbox=1,2,3"},
                new String[] {"GET", "/ogc/collections/nowhere/items"},
                new String[] {"GET", districts + "/"},
                new String[] {"HEAD", districts});
        for (String[] request : requests) {
            String[] headers = Arrays.copyOfRange(request, 2, request.length);
            Http.Response byContainer = container.send(request[0], request[1], null, null, headers);
            Http.Response byDoor = http.send(request[0], request[1], null, null, headers);
            String described = String.join(" ", request);
            assertThat(byDoor.status()).as(described).isEqualTo(byContainer.status());
            // links name the port the client asked; a page's time stamp is the second it was written
            assertThat(withoutTimeStamp(byDoor.decodedBody())).as(described).isEqualTo(withoutTimeStamp(
                    byContainer.decodedBody().replace("localhost:" + containerPort, "localhost:" + port)));
            // framing is each server's own: the container streams what it compresses, the door sends its length
            assertThat(byDoor.headersButFraming()).as(described).isEqualTo(byContainer.headersButFraming());
        }
    }

    @Test
    void theFrontDoorAnswersAnAnonymousPageOfItemsItselfAndTimesIt() {
        String page = "/ogc/collections/districts/items?limit=2";
        double relayed = meters.get("plan.front-door.relayed").counter().count();
        long timed = itemPagesTimed();

        assertThat(http.get(page).status()).isEqualTo(200);
        assertThat(http.send("GET", page, null, null, "Accept", "application/geo+json").status()).isEqualTo(200);
        Http.Response compressed = http.send("GET", page, null, null, "Accept-Encoding", "gzip, deflate, br");
        assertThat(compressed.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(compressed.bytes().length).isLessThan(compressed.decodedBody().length() / 2);
        Http.Response crossOrigin = http.send("GET", page, null, null, "Origin", "https://maps.example.org");
        assertThat(crossOrigin.header("Access-Control-Allow-Origin")).as("a public read").isEqualTo("*");
        assertThat(meters.get("plan.front-door.relayed").counter().count()).isEqualTo(relayed);
        assertThat(itemPagesTimed()).as("counted in the request timers, as through the container").isEqualTo(timed + 4);

        assertThat(http.get(page + "&f=html").status()).isEqualTo(200);
        assertThat(http.get("/ogc/collections/districts/items?limit=0").status()).isEqualTo(400);
        assertThat(meters.get("plan.front-door.relayed").counter().count()).isEqualTo(relayed + 2);
        assertThat(itemPagesTimed()).isEqualTo(timed + 5);
    }

    private long itemPagesTimed() {
        var timer = meters.find("http.server.requests").tag("uri", "/ogc/collections/{collectionId}/items")
                .tag("status", "200").timer();
        return timer == null ? 0 : timer.count();
    }

    private static String withoutTimeStamp(String page) {
        return page.replaceFirst("\"timeStamp\":\"[^\"]*\"", "\"timeStamp\":\"\"");
    }
}
