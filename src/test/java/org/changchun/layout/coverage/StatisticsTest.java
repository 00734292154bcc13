package org.changchun.layout.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.changchun.layout.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Project statistics add up as the coverage answers do: the same selection gives the same totals, by district,
 * city and status; run on each store by the subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class StatisticsTest {

    /** A polygon around the whole city: every project lies within it. */
    private static final String WHOLE_CITY = """
            {"type": "Polygon", "coordinates": [[[123.5, 42.5], [128.0, 42.5], [128.0, 46.0], [123.5, 46.0], [123.5, 42.5]]]}""";
    /** A box around the centre of the city, as CQL2 and as GeoJSON. */
    private static final String CENTRE_WKT = "POLYGON((125.1 43.7,125.6 43.7,125.6 44.05,125.1 44.05,125.1 43.7))";
    private static final String CENTRE_GEOJSON = """
            {"type": "Polygon", "coordinates": [[[125.1, 43.7], [125.6, 43.7], [125.6, 44.05], [125.1, 44.05], [125.1, 43.7]]]}""";

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void totalsEqualTheCoverageTotalsForTheSameSelection() {
        assertSameTotals(statistics(""), coverage(WHOLE_CITY));
        assertSameTotals(statistics("&filter=" + Http.encode("S_WITHIN(geometry," + CENTRE_WKT + ")")),
                coverage(CENTRE_GEOJSON));
    }

    private void assertSameTotals(Map<String, JsonNode> statistics, JsonNode coverage) {
        JsonNode summary = coverage.get("summary");
        for (String group : new String[] {"district", "city", "status"}) {
            JsonNode answer = statistics.get(group);
            assertThat(answer.get("total").get("count").asLong()).isEqualTo(summary.get("total").get("count").asLong());
            assertThat(answer.get("total").get("investment_cny_100m").asDouble())
                    .isCloseTo(summary.get("total").get("investment_cny_100m").asDouble(), within(0.005));
            assertThat(answer.get("total").get("area_km2").asDouble())
                    .isCloseTo(summary.get("total").get("area_km2").asDouble(), within(0.005));
            Map<String, JsonNode> coverageGroups = new HashMap<>();
            summary.get("by_" + group).forEach(g -> coverageGroups.put(g.get("key").asString(), g));
            assertThat(answer.get("groups")).hasSize(coverageGroups.size());
            for (JsonNode row : answer.get("groups")) {
                JsonNode same = coverageGroups.get(row.get("key").asString());
                assertThat(row.get("count").asLong()).as(group + " " + row.get("key")).isEqualTo(same.get("count").asLong());
                assertThat(row.get("investment_cny_100m").asDouble())
                        .isCloseTo(same.get("investment_cny_100m").asDouble(), within(0.005));
                assertThat(row.get("area_km2").asDouble()).isCloseTo(same.get("area_km2").asDouble(), within(0.005));
            }
        }
    }

    private Map<String, JsonNode> statistics(String filter) {
        Map<String, JsonNode> answers = new HashMap<>();
        for (String group : new String[] {"district", "city", "status"}) {
            Http.Response answer = http.get("/api/statistics/projects?group=" + group + filter);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            answers.put(group, answer.json());
        }
        return answers;
    }

    private JsonNode coverage(String polygon) {
        Http.Response answer = http.send("POST", "/api/coverage/projects", polygon, "application/json");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void groupsByIndustryAndYearWithTheMeasureAsked() {
        JsonNode byYear = http.get("/api/statistics/projects?group=year&measure=investment").json();
        assertThat(byYear.get("measure").asString()).isEqualTo("investment");
        assertThat(byYear.get("sample").asBoolean()).isTrue();
        assertThat(byYear.get("note_zh").asString()).contains("示例数据");
        long count = 0;
        for (JsonNode row : byYear.get("groups")) {
            assertThat(row.get("key").asString()).matches("20\\d\\d");
            assertThat(row.get("value").asDouble()).isEqualTo(row.get("investment_cny_100m").asDouble());
            count += row.get("count").asLong();
        }
        assertThat(count).isEqualTo(byYear.get("total").get("count").asLong());
        JsonNode completed = http.get("/api/statistics/projects?group=industry&filter="
                + Http.encode("status='completed'")).json();
        JsonNode items = http.get("/ogc/collections/projects/items?limit=1&filter=" + Http.encode("status='completed'")).json();
        assertThat(completed.get("total").get("count").asLong()).isEqualTo(items.get("numberMatched").asLong()).isPositive();
    }

    @Test
    void csvHasOneRowPerGroupAndSaysTheFiguresAreSamples() {
        Http.Response csv = http.get("/api/statistics/projects?group=city&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("city,name_zh,name_en,count,investment_cny_100m,area_km2,sample,accuracy",
                "国际汽车城");
        assertThat(csv.body().lines().filter(l -> l.endsWith(",true,sample")).count()).isEqualTo(6);
    }

    @Test
    void areasOfSchematicZonesSaySo() {
        JsonNode zones = http.get("/api/statistics/projects?source=dev-zones&group=district&measure=area").json();
        assertThat(zones.get("sample").asBoolean()).isFalse();
        assertThat(zones.get("accuracy").asString()).isEqualTo("schematic");
        assertThat(zones.get("note_zh").asString()).contains("示意");
        assertThat(zones.get("total").get("area_km2").asDouble()).isPositive();
        assertThat(http.get("/api/statistics/projects?source=dev-zones&group=district&format=csv").body().lines().skip(1))
                .isNotEmpty().allMatch(line -> line.endsWith(",false,schematic"));
    }

    @Test
    void badStatisticsRequestsAreRefused() {
        assertThat(http.get("/api/statistics/projects?group=colour").status()).isEqualTo(400);
        assertThat(http.get("/api/statistics/projects?measure=weight").status()).isEqualTo(400);
        assertThat(http.get("/api/statistics/projects?filter=" + Http.encode("status =")).status()).isEqualTo(400);
        assertThat(http.get("/api/statistics/projects?source=nowhere").status()).isEqualTo(404);
        Http.Response noCity = http.get("/api/statistics/projects?source=dev-zones&group=city");
        assertThat(noCity.status()).isEqualTo(400);
        assertThat(noCity.body()).contains("city", "group=district");
    }
}
