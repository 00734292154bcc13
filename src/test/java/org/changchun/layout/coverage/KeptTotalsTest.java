package org.changchun.layout.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.plan.City;
import org.changchun.layout.plan.CityCatalog;
import org.changchun.layout.projects.ProjectFields;
import org.changchun.layout.query.FeatureQuery;
import org.changchun.layout.query.Filter;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.WriteProgress;
import org.changchun.layout.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A layer's write adds up its features per plan polygon as it stages their links, and a coverage
 * answer too big to list is those totals: the same as adding up the linked features, for every plan
 * polygon, of those it contains and of all linked to it, also after edits of single features, which
 * amend them; dropped by a change of a plan layer (answers then add up the features again), and unused
 * once the cities are named otherwise.
 * Run on each store by the subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "plan.coverage.max-features=" + KeptTotalsTest.MOST)
abstract class KeptTotalsTest {

    static final int MOST = 3;
    private static final List<String> INDUSTRIES = List.of("汽车", "农业", "文旅");
    private static final String LAYER = "test-tallied";
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    /** Sums of multiples of 0.25 are exact in any order; areas are compared to a millionth of a km². */
    private static final Comparator<Double> CLOSE = (a, b) -> Math.abs(a - b) < 1e-6 ? 0 : Double.compare(a, b);

    @LocalServerPort
    int port;

    @Autowired
    FeatureStore store;

    @Autowired
    KeptTotals kept;

    @Autowired
    CityCatalog cities;

    @Autowired
    DistrictIndex districts;

    @Autowired
    JdbcTemplate jdbc;

    Http http;

    @BeforeEach
    void writeTheLayer() {
        http = new Http(port);
        store.writeLayer(spec(), features(0).iterator(), WriteProgress.NONE);
    }

    @Test
    void everyPlanPolygonKeepsTheTotalsOfTheFeaturesLinkedToIt() {
        assertEveryPlanPolygonKeepsTheTotalsOfItsFeatures();
        ProjectSummary central = kept.of(LAYER, new Filter.LinkedTo("districts", "220102", false)).orElseThrow();
        assertThat(central.byDistrict().stream().filter(d -> d.areaKm2() > 0).count())
                .as("a parcel across a boundary splits its area among districts").isGreaterThan(1);
    }

    @Test
    void aCoverageAnswerTooBigToListIsTheKeptTotals() {
        String key = "source_layer = '" + LAYER + "' AND target_layer = 'districts' AND target_id = '220102'"
                + " AND contained_only = FALSE";
        String totals = jdbc.queryForObject("SELECT totals FROM polygon_totals WHERE " + key, String.class);
        long count = kept.of(LAYER, new Filter.LinkedTo("districts", "220102", false)).orElseThrow().total().count();
        assertThat(count).isGreaterThan(MOST);
        // a count no feature gives, so the answer can only have come from the kept row
        jdbc.update("UPDATE polygon_totals SET totals = ? WHERE " + key,
                totals.replaceFirst("\"count\":" + count + ",", "\"count\":987654,"));

        JsonNode answer = coverage("districts", "220102", "intersects");
        assertThat(answer.get("number_matched").asLong()).isEqualTo(987_654);
        assertThat(answer.get("features").size()).isZero();
        assertThat(answer.has("features_omitted")).isTrue();
    }

    @Test
    void statisticsOfTheWholeLayerAreItsKeptTotalsAndOfASelectionAddedUp() {
        long count = store.layer(LAYER).orElseThrow().featureCount();
        JsonNode byIndustry = statistics("group=industry");
        assertThat(byIndustry.get("total").get("count").asLong()).isEqualTo(count);
        assertThat(byIndustry.get("groups").get(0).get("name_zh").asString()).isEqualTo("未填");
        String totals = jdbc.queryForObject("SELECT totals FROM layer_totals WHERE source_layer = ?", String.class,
                LAYER);
        // a count no feature gives, so the answer can only have come from the kept row
        jdbc.update("UPDATE layer_totals SET totals = ? WHERE source_layer = ?",
                totals.replaceFirst("\"count\":" + count + ",", "\"count\":987654,"), LAYER);

        assertThat(statistics("group=district").get("total").get("count").asLong()).isEqualTo(987_654);
        JsonNode selected = statistics("group=industry&filter=" + ProjectFields.INVESTMENT + "%20%3E%3D%200");
        assertThat(selected.get("total").get("count").asLong()).as("a selection is added up").isEqualTo(count);
    }

    @Test
    void keptTotalsThatCannotBeReadAreAddedUpAgain() {
        jdbc.update("UPDATE polygon_totals SET totals = '{\"basis\": [\"a form of another version\"]}'"
                + " WHERE source_layer = ?", LAYER);
        jdbc.update("UPDATE layer_totals SET totals = 'not JSON' WHERE source_layer = ?", LAYER);
        assertThat(kept.ofLayer(LAYER)).isEmpty();
        assertThat(statistics("group=city").get("total").get("count").asLong())
                .isEqualTo(store.layer(LAYER).orElseThrow().featureCount());

        assertThat(kept.of(LAYER, new Filter.LinkedTo("districts", "220102", false))).isEmpty();
        assertSameAsAddedUp(coverage("districts", "220102", "intersects"), new Filter.LinkedTo("districts", "220102", false));
    }

    @Test
    void editsOfTheLayerAmendItsKeptTotals() {
        List<Feature> features = features(0);
        Feature point = features.get(0);
        Feature parcel = features.stream().filter(f -> f.id().startsWith("parcel")).findFirst().orElseThrow();
        // moved a cell east, into another city, status and investment
        store.saveFeature(LAYER, features(1).get(0));
        store.saveFeature(LAYER, withProperties(features.get(1), cities.all().get(3).id(), "planned", 7.75));
        // across the boundary of the central districts, then gone
        store.saveFeature(LAYER, new Feature("parcel-new", parcel.properties(), WGS84.toGeometry(
                new Envelope(125.30, 125.36, 43.86, 43.89))));
        assertThat(store.deleteFeature(LAYER, parcel.id())).isTrue();
        // a city no catalog names, and a sample: groups that come and go with their features
        Feature unnamed = new Feature("unnamed", Map.of(ProjectFields.CITY, "某城", "sample", true,
                ProjectFields.INVESTMENT, 2.5), point.geometry());
        store.saveFeature(LAYER, unnamed);
        String district = store.linksFrom(LAYER, unnamed.id()).stream().filter(l -> l.targetLayer().equals("districts"))
                .findFirst().orElseThrow().targetId();
        assertThat(kept.of(LAYER, new Filter.LinkedTo("districts", district, false)).orElseThrow().byCity())
                .extracting(ProjectSummary.Group::key).contains("某城");
        assertThat(store.deleteFeature(LAYER, unnamed.id())).isTrue();

        assertEveryPlanPolygonKeepsTheTotalsOfItsFeatures();
        assertSameAsAddedUp(coverage("districts", "220102", "intersects"), new Filter.LinkedTo("districts", "220102", false));
    }

    @Test
    void concurrentEditsOfTheLayerEachAmendItsKeptTotals() throws Exception {
        long before = store.layer(LAYER).orElseThrow().featureCount();
        List<Feature> grid = features(0);
        ExecutorService editors = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> edits = new ArrayList<>();
            for (int editor = 0; editor < 2; editor++) {
                int first = editor;
                edits.add(editors.submit(() -> {
                    for (int i = first; i < 40; i += 2) {
                        Feature copied = grid.get(i * 3);
                        store.saveFeature(LAYER, new Feature("copy" + i, copied.properties(), copied.geometry()));
                    }
                }));
            }
            for (Future<?> edit : edits) {
                edit.get(2, TimeUnit.MINUTES);
            }
        } finally {
            editors.shutdownNow();
        }

        assertThat(store.layer(LAYER).orElseThrow().featureCount()).isEqualTo(before + 40);
        assertEveryPlanPolygonKeepsTheTotalsOfItsFeatures();
    }

    @Test
    void anEditUnderOtherCityNamesDropsTheLayersKeptTotals() {
        List<City> named = cities.all();
        try {
            cities.replaceAll(withFirstRenamed(named));
            store.saveFeature(LAYER, features(1).get(0));
        } finally {
            cities.replaceAll(named);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM polygon_totals WHERE source_layer = ?", Long.class, LAYER))
                .isZero();
        assertThat(kept.ofLayer(LAYER)).isEmpty();
        assertSameAsAddedUp(coverage("districts", "220102", "intersects"), new Filter.LinkedTo("districts", "220102", false));
    }

    @Test
    void aChangeOfAPlanLayerDropsEveryKeptTotal() {
        Feature district = store.feature("districts", "220104").orElseThrow();
        store.saveFeature("districts", district);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM polygon_totals", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM layer_totals", Long.class)).isZero();
        assertSameAsAddedUp(coverage("districts", "220102", "intersects"), new Filter.LinkedTo("districts", "220102", false));
    }

    @Test
    void totalsKeptUnderOtherCityNamesAreNotUsed() {
        List<City> named = cities.all();
        try {
            cities.replaceAll(withFirstRenamed(named));
            assertThat(kept.of(LAYER, new Filter.LinkedTo("districts", "220102", false))).isEmpty();
            JsonNode answer = coverage("districts", "220102", "intersects");
            assertThat(answer.get("summary").get("by_city").get(0).get("name_zh").asString()).endsWith("（新）");
            assertSameAsAddedUp(answer, new Filter.LinkedTo("districts", "220102", false));
        } finally {
            cities.replaceAll(named);
        }
        assertThat(kept.of(LAYER, new Filter.LinkedTo("districts", "220102", false))).isPresent();
    }

    /** Kept totals of every plan polygon, of both kinds, equal to adding up its linked features. */
    private void assertEveryPlanPolygonKeepsTheTotalsOfItsFeatures() {
        int polygons = 0;
        for (LayerInfo plan : store.layers().stream().filter(l -> l.kind() == LayerKind.PLAN_AREA).toList()) {
            for (Feature polygon : store.features(plan.id())) {
                for (boolean containedOnly : new boolean[] {true, false}) {
                    Filter.LinkedTo linked = new Filter.LinkedTo(plan.id(), polygon.id(), containedOnly);
                    ProjectSummary expected = totalsOfLinked(linked);
                    Optional<ProjectSummary> tallied = kept.of(LAYER, linked);
                    if (expected.total().count() == 0 && tallied.isEmpty()) {
                        continue;
                    }
                    assertThat(tallied).as(linked.toString()).isPresent();
                    assertThat(tallied.get()).as(linked.toString()).usingRecursiveComparison()
                            .withComparatorForType(CLOSE, Double.class).isEqualTo(expected);
                    polygons++;
                }
            }
        }
        assertThat(polygons).as("plan polygons with kept totals").isGreaterThan(10);

        ProjectTotals expected = new ProjectTotals(cities.all(), districts.districts(), KeptTotals.LAYER_GROUP_FIELDS);
        store.features(LAYER).forEach(expected::add);
        ProjectTotals layer = kept.ofLayer(LAYER).orElseThrow();
        assertThat(layer.summary()).as("the whole layer").usingRecursiveComparison()
                .withComparatorForType(CLOSE, Double.class).isEqualTo(expected.summary());
        for (String field : KeptTotals.LAYER_GROUP_FIELDS) {
            assertThat(layer.byField(field)).as("the whole layer by " + field).usingRecursiveComparison()
                    .withComparatorForType(CLOSE, Double.class).isEqualTo(expected.byField(field));
        }
    }

    /** The cities with the first one's names changed (its id kept). */
    private static List<City> withFirstRenamed(List<City> named) {
        List<City> renamed = new ArrayList<>(named);
        City first = renamed.get(0);
        renamed.set(0, new City(first.id(), first.nameZh() + "（新）", first.nameEn() + " (new)", first.colour(),
                first.summaryZh(), first.summaryEn(), first.members(), first.targets()));
        return renamed;
    }

    private static Feature withProperties(Feature feature, String city, String status, double investment) {
        Map<String, Object> properties = new LinkedHashMap<>(feature.properties());
        properties.put(ProjectFields.CITY, city);
        properties.put(ProjectFields.STATUS, status);
        properties.put(ProjectFields.INVESTMENT, investment);
        return new Feature(feature.id(), properties, feature.geometry());
    }

    private JsonNode statistics(String query) {
        Http.Response answer = http.get("/api/statistics/projects?source=" + LAYER + "&" + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode coverage(String layer, String feature, String mode) {
        Http.Response answer = http.get("/api/coverage/projects?source=" + LAYER + "&layer=" + layer + "&feature="
                + feature + "&mode=" + mode);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private void assertSameAsAddedUp(JsonNode answer, Filter.LinkedTo linked) {
        ProjectSummary expected = totalsOfLinked(linked);
        assertThat(answer.get("number_matched").asLong()).as(linked.toString()).isEqualTo(expected.total().count());
        assertThat(answer.get("summary").get("total").get("investment_cny_100m").asDouble())
                .isEqualTo(expected.total().investmentCny100m());
        JsonNode byDistrict = answer.get("summary").get("by_district");
        for (int i = 0; i < expected.byDistrict().size(); i++) {
            assertThat(byDistrict.get(i).get("count").asLong()).as(expected.byDistrict().get(i).key())
                    .isEqualTo(expected.byDistrict().get(i).count());
        }
    }

    /** The totals of the linked features, read as one page big enough for them all. */
    private ProjectSummary totalsOfLinked(Filter.LinkedTo linked) {
        return ProjectTotals.of(store.query(new FeatureQuery(LAYER, Optional.empty(), linked, List.of(), 100_000, 0))
                .features(), cities.all(), districts.districts());
    }

    private static LayerSpec spec() {
        return new LayerSpec(new LayerDescription(LAYER, LayerKind.IMPORTED, "汇总测试", "Tallied", null, null, "test",
                "exact", null), List.of(new FieldSpec(ProjectFields.CITY, FieldType.STRING, "城", "City"),
                new FieldSpec(ProjectFields.STATUS, FieldType.STRING, "状态", "Status"),
                new FieldSpec(ProjectFields.INVESTMENT, FieldType.NUMBER, "投资", "Investment"),
                new FieldSpec("sample", FieldType.BOOLEAN, "示例数据", "Sample"),
                new FieldSpec(ProjectFields.INDUSTRY, FieldType.STRING, "产业", "Industry")), LAYER);
    }

    /**
     * Points 0.02° apart over the city centre, with cities, statuses and investments in turn, and
     * parcels across district boundaries; {@code shift} moves the first point a cell east.
     */
    private List<Feature> features(int shift) {
        List<String> cityIds = cities.all().stream().map(City::id).toList();
        List<String> statuses = ProjectFields.STATUS_NAMES.keySet().stream().sorted().toList();
        List<Feature> features = new ArrayList<>();
        int n = 0;
        for (double lon = 125.10; lon < 125.60; lon += 0.02) {
            for (double lat = 43.70; lat < 44.05; lat += 0.02) {
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put(ProjectFields.CITY, cityIds.get(n % cityIds.size()));
                properties.put(ProjectFields.STATUS, statuses.get(n % statuses.size()));
                properties.put(ProjectFields.INVESTMENT, 0.25 * (n % 17));
                // every fifth without one: grouped as 未填 / not given
                properties.put(ProjectFields.INDUSTRY, n % 5 == 0 ? null : INDUSTRIES.get(n % INDUSTRIES.size()));
                double east = n == 0 ? shift * 0.02 : 0;
                features.add(new Feature("p" + n, properties, WGS84.createPoint(new Coordinate(lon + east, lat))));
                n++;
            }
        }
        for (double lon = 125.20; lon < 125.50; lon += 0.05) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put(ProjectFields.CITY, cityIds.get(n % cityIds.size()));
            properties.put(ProjectFields.STATUS, statuses.get(n % statuses.size()));
            properties.put(ProjectFields.INVESTMENT, 1.5);
            features.add(new Feature("parcel" + n, properties, WGS84.toGeometry(
                    new Envelope(lon, lon + 0.04, 43.85, 43.90))));
            n++;
        }
        return features;
    }
}
