package org.changchun.layout.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.changchun.layout.plan.CityCatalog;
import org.changchun.layout.query.Expression;
import org.changchun.layout.query.FeatureQuery;
import org.changchun.layout.query.Filter;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * An area with more features than {@code plan.coverage.max-features} is answered with the totals of
 * all of them, added up as they stream from the store, and without the features, saying why and
 * where to read them; whether the area is a plan polygon (counted through its links, no further than
 * the limit) or a drawn one; statistics, which never list features, add up every match whatever the
 * limit. The totals must be those of the features a big enough page holds. Run on each store by the
 * subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "plan.coverage.max-features=" + CoverageLimitTest.MOST)
abstract class CoverageLimitTest {

    static final int MOST = 3;
    private static final String WHOLE_CITY = "{\"type\": \"Polygon\", \"coordinates\": [[[124.0, 43.0], [127.0, 43.0], "
            + "[127.0, 45.5], [124.0, 45.5], [124.0, 43.0]]]}";

    @LocalServerPort
    int port;

    @Autowired
    FeatureStore store;

    @Autowired
    CityCatalog cities;

    @Autowired
    DistrictIndex districts;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aPlanPolygonWithMoreFeaturesThanTheLimitGetsTheirTotalsAndOneWithFewerItsFeatures() {
        int summed = 0;
        int listed = 0;
        for (String district : new String[] {"220102", "220103", "220104", "220105", "220106", "220112", "220113",
            "220122", "220182", "220183", "220184"}) {
            Http.Response answer = http.get("/api/coverage/projects?mode=intersects&layer=districts&feature=" + district);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode json = answer.json();
            ProjectSummary expected = totalsOfOnePage(new Filter.LinkedTo("districts", district, false));
            assertSameTotals(json.get("summary"), expected, district);
            assertThat(json.get("number_matched").asLong()).isEqualTo(expected.total().count());
            if (expected.total().count() > MOST) {
                assertOmitted(json, expected.total().count());
                summed++;
            } else {
                assertThat(json.get("features").size()).isEqualTo(json.get("number_returned").asInt())
                        .isEqualTo((int) expected.total().count());
                assertThat(json.has("features_omitted")).isFalse();
                listed++;
            }
        }
        assertThat(summed).as("districts with more projects than the limit").isPositive();
        assertThat(listed).as("districts with the limit or fewer").isPositive();
    }

    @Test
    void aDrawnPolygonWithMoreFeaturesThanTheLimitGetsTheirTotals() {
        Http.Response answer = http.send("POST", "/api/coverage/projects?mode=intersects", WHOLE_CITY, "application/json");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        GeometryFactory wgs84 = new GeometryFactory();
        ProjectSummary expected = totalsOfOnePage(new Filter.Spatial(Filter.SpatialRelation.INTERSECTS,
                new Expression.Property(Expression.GEOMETRY), new Expression.Literal(wgs84.toGeometry(new Envelope(124, 127, 43, 45.5)))));
        assertThat(expected.total().count()).isGreaterThan(MOST);
        assertSameTotals(answer.json().get("summary"), expected, "the whole city");
        assertOmitted(answer.json(), expected.total().count());
    }

    @Test
    void theTableOfTooManyFeaturesIsRefusedAndTheTableOfTheirTotalsGiven() {
        Http.Response features = http.get("/api/coverage/projects?mode=intersects&layer=districts&feature=220102&format=csv");
        assertThat(features.status()).as(features.body()).isEqualTo(400);
        assertThat(features.json().get("message_en").asString()).contains("more than the " + MOST)
                .contains("group=city, status or district").contains("/ogc/collections/projects/items");
        assertThat(features.json().get("message_zh").asString()).contains("上限 " + MOST);

        Http.Response byDistrict = http.get(
                "/api/coverage/projects?mode=intersects&layer=districts&feature=220102&format=csv&group=district");
        assertThat(byDistrict.status()).as(byDistrict.body()).isEqualTo(200);
        long counted = byDistrict.body().lines().skip(1).mapToLong(line -> Long.parseLong(line.split(",")[3])).sum();
        assertThat(counted).isEqualTo(totalsOfOnePage(new Filter.LinkedTo("districts", "220102", false)).total().count());
    }

    @Test
    void statisticsAddUpEveryFeatureHoweverManyOneCoverageAnswerMayList() {
        ProjectTotals expected = new ProjectTotals(cities.all(), districts.districts(), List.of("industry"));
        store.query(new FeatureQuery("projects", Optional.empty(), null, List.of(), 100_000, 0)).features()
                .forEach(expected::add);
        assertThat(expected.summary().total().count()).isGreaterThan(MOST);

        JsonNode byIndustry = statistics("group=industry");
        assertSameGroups(byIndustry.get("groups"), expected.byField("industry"), "by industry");
        assertThat(byIndustry.get("total").get("count").asLong()).isEqualTo(expected.summary().total().count());
        assertThat(byIndustry.get("sample").asBoolean()).isTrue();
        assertSameGroups(statistics("group=district").get("groups"), expected.summary().byDistrict(), "by district");
        assertSameGroups(statistics("group=status&measure=investment").get("groups"), expected.summary().byStatus(),
                "by status");

        Geometry centre = new GeometryFactory().toGeometry(new Envelope(125.25, 125.45, 43.75, 43.95));
        ProjectSummary inCentre = totalsOfOnePage(new Filter.Spatial(Filter.SpatialRelation.WITHIN,
                new Expression.Property(Expression.GEOMETRY), new Expression.Literal(centre)));
        assertThat(inCentre.total().count()).isGreaterThan(MOST).isLessThan(expected.summary().total().count());
        JsonNode filtered = statistics("group=city&filter=" + Http.encode("S_WITHIN(geometry," + centre.toText() + ")"));
        assertThat(filtered.get("total").get("count").asLong()).isEqualTo(inCentre.total().count());
        assertSameGroups(filtered.get("groups"), inCentre.byCity(), "by city in the centre");
    }

    private JsonNode statistics(String query) {
        Http.Response answer = http.get("/api/statistics/projects?" + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** The totals of the features matching the filter, read as one page big enough for them all. */
    private ProjectSummary totalsOfOnePage(Filter filter) {
        return ProjectTotals.of(store.query(new FeatureQuery("projects", Optional.empty(), filter, List.of(), 100_000, 0))
                .features(), cities.all(), districts.districts());
    }

    private static void assertOmitted(JsonNode answer, long matched) {
        assertThat(answer.get("features").size()).isZero();
        assertThat(answer.get("number_returned").asInt()).isZero();
        JsonNode omitted = answer.get("features_omitted");
        assertThat(omitted.get("message_en").asString()).contains(matched + " features match, more than the " + MOST);
        assertThat(omitted.get("message_zh").asString()).contains("上限 " + MOST);
        assertThat(omitted.get("items").asString()).isEqualTo("/ogc/collections/projects/items");
        assertThat(answer.get("summary").get("sample").asBoolean()).as("totals of the sample library say so").isTrue();
    }

    /** Counts alike; sums of money and area alike but for the rounding of sums added in another order. */
    private static void assertSameTotals(JsonNode summary, ProjectSummary expected, String area) {
        JsonNode total = summary.get("total");
        assertThat(total.get("count").asLong()).as(area).isEqualTo(expected.total().count());
        assertThat(total.get("investment_cny_100m").asDouble()).as(area)
                .isCloseTo(expected.total().investmentCny100m(), within(0.011));
        assertThat(total.get("area_km2").asDouble()).as(area).isCloseTo(expected.total().areaKm2(), within(0.011));
        assertSameGroups(summary.get("by_city"), expected.byCity(), area);
        assertSameGroups(summary.get("by_status"), expected.byStatus(), area);
        assertSameGroups(summary.get("by_district"), expected.byDistrict(), area);
    }

    private static void assertSameGroups(JsonNode groups, List<ProjectSummary.Group> expected, String area) {
        assertThat(groups.size()).as(area).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(groups.get(i).get("key").asString()).as(area).isEqualTo(expected.get(i).key());
            assertThat(groups.get(i).get("count").asLong()).as(area + " " + expected.get(i).key())
                    .isEqualTo(expected.get(i).count());
            assertThat(groups.get(i).get("investment_cny_100m").asDouble()).as(area + " " + expected.get(i).key())
                    .isCloseTo(expected.get(i).investmentCny100m(), within(0.011));
        }
    }
}
