package org.changchun.layout.ogc.cql2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.query.FeatureQuery;
import org.changchun.layout.query.Filter;
import org.changchun.layout.query.InvalidQueryException;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.WriteProgress;
import org.changchun.layout.support.TestStores;
import org.changchun.layout.support.TestStores.StoreUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The CQL2 standard's own examples (OGC 21-065r2), adapted to a projects layer like this
 * service's, each run as CQL2 text and as CQL2 JSON on H2GIS and on PostGIS and compared with the
 * features it must match. The conformance classes the service declares are those these examples
 * cover; the examples it refuses (array functions: no property here is an array; ACCENTI; custom
 * functions) are checked to be refused with a 400-class error in both encodings.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2gis", "postgis"})
class Cql2ConformanceTest {

    private static final List<FieldSpec> FIELDS = List.of(
            new FieldSpec("name_zh", FieldType.STRING, "名称", "Name"),
            new FieldSpec("name_en", FieldType.STRING, "英文名称", "English name"),
            new FieldSpec("city", FieldType.STRING, "城市", "City"),
            new FieldSpec("status", FieldType.STRING, "状态", "Status"),
            new FieldSpec("start_year", FieldType.INTEGER, "开工年份", "Start year"),
            new FieldSpec("investment_cny_100m", FieldType.NUMBER, "投资（亿元）", "Investment (100 million CNY)"),
            new FieldSpec("sample", FieldType.BOOLEAN, "示例数据", "Sample"),
            new FieldSpec("approved_on", FieldType.DATE, "批准日期", "Approved on"),
            new FieldSpec("completed_on", FieldType.DATE, "竣工日期", "Completed on"));

    @Parameter
    String kind;

    /** One store of each kind, written once: the examples only read. */
    private static final Map<String, StoreUnderTest> STORES = new ConcurrentHashMap<>();

    /** One entry of standard-examples.txt. */
    record Example(String name, String text, String json, List<String> ids) {
        @Override
        public String toString() {
            return name;
        }
    }

    @AfterAll
    static void closeStores() {
        STORES.values().forEach(StoreUnderTest::close);
        STORES.clear();
    }

    private static StoreUnderTest withProjects(String kind) {
        StoreUnderTest subject = TestStores.create(kind);
        subject.store().writeLayer(new LayerSpec(new LayerDescription("projects", LayerKind.PROJECTS, "项目库", "Projects",
                null, null, "test", "exact", null), FIELDS, "v1"), List.of(
                project("p1", "POINT (125.30 43.90)", "Auto-parts supplier park", "automobile", "completed", 2021L, 32.0,
                        true, "2020-03-01", "2022-06-30"),
                project("p2", "POINT (125.25 43.85)", "New-energy vehicle base", "automobile", "under_construction", 2023L,
                        85.0, true, "2022-11-15", null),
                project("p3", "POINT (125.40 43.80)", "Rail car supplier park", "rail", "planned", 2025L, 18.5, false,
                        null, null),
                project("p4", "POLYGON ((125.10 43.70, 125.20 43.70, 125.20 43.75, 125.10 43.75, 125.10 43.70))",
                        "Film culture park", "film", "completed", 2019L, 6.0, false, "2018-01-10", "2020-12-31"),
                project("p5", "POINT (125.50 44.00)", "Science city lab", "science", "under_construction", 2022L, null,
                        true, "2021-05-20", "2024-05-20")).iterator(), WriteProgress.NONE);
        return subject;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theStandardsExampleMatchesTheSameFeaturesAsTextAndAsJson(Example example) {
        Filter text = Cql2Text.parse(example.text(), ApiCrs.CRS84, 40, 20_000);
        Filter json = Cql2Json.parse(example.json(), ApiCrs.CRS84, 40, 20_000);
        assertThat(json).as("the JSON encoding reads as the same filter as the text").isEqualTo(text);
        assertThat(matches(text)).as("as text").containsExactlyInAnyOrderElementsOf(example.ids());
        assertThat(matches(json)).as("as JSON").containsExactlyInAnyOrderElementsOf(example.ids());
    }

    /** Examples of what is not implemented, in both encodings: a clear refusal, never a wrong answer. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void theStandardsExamplesOfWhatIsNotImplementedAreRefused(String text, String json, String reason) {
        for (Supplier<Filter> parse : List.<Supplier<Filter>>of(
                () -> Cql2Text.parse(text, ApiCrs.CRS84, 40, 20_000),
                () -> Cql2Json.parse(json, ApiCrs.CRS84, 40, 20_000))) {
            assertThatThrownBy(() -> matches(parse.get())).isInstanceOf(InvalidQueryException.class)
                    .hasMessageContaining(reason);
        }
    }

    /** A value the arithmetic cannot represent is the query's fault on both stores: a 400, not an answer on one. */
    @ParameterizedTest
    @ValueSource(strings = {"start_year * 9223372036854775807 > 1", "investment_cny_100m * 1e308 * 1e308 > 1",
        "(0 - investment_cny_100m) ^ 0.5 > 1", "0 ^ -1 > 1", "start_year / 1e-320 > 1", "investment_cny_100m % 1e30 = 1"})
    void arithmeticOutOfRangeIsRefusedOnBothStores(String text) {
        Filter filter = Cql2Text.parse(text, ApiCrs.CRS84, 40, 20_000);
        assertThatThrownBy(() -> matches(filter)).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("out of range");
    }

    /** Division by zero matches nothing (NULL) on both stores, rather than failing the query. */
    @ParameterizedTest
    @ValueSource(strings = {"investment_cny_100m % 0 = 1", "start_year / 0 = 1", "start_year div 0 = 1", "NOT start_year / 0 = 1"})
    void divisionByZeroMatchesNothing(String text) {
        assertThat(matches(Cql2Text.parse(text, ApiCrs.CRS84, 40, 20_000))).isEmpty();
    }

    static Stream<Example> examples() throws IOException {
        List<Example> examples = new ArrayList<>();
        Map<String, String> entry = new LinkedHashMap<>();
        try (InputStream in = Cql2ConformanceTest.class.getResourceAsStream("/cql2/standard-examples.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(": ");
                String key = colon < 0 ? line.substring(0, line.length() - 1) : line.substring(0, colon);
                entry.put(key, colon < 0 ? "" : line.substring(colon + 2).strip());
                if (key.equals("ids")) {
                    examples.add(new Example(entry.get("example"), entry.get("text"), entry.get("json"),
                            entry.get("ids").isEmpty() ? List.of() : Arrays.asList(entry.get("ids").split(" "))));
                    entry.clear();
                }
            }
        }
        return examples.stream();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("A_CONTAINS(name_en, ('a', 'b', 'c'))",
                        "{\"op\":\"a_contains\",\"args\":[{\"property\":\"name_en\"},[\"a\",\"b\",\"c\"]]}",
                        "no property of this service is an array"),
                refusal("A_CONTAINEDBY(\"city\", ('a', 'b', 'c'))",
                        "{\"op\":\"a_containedby\",\"args\":[{\"property\":\"city\"},[\"a\",\"b\",\"c\"]]}",
                        "no property of this service is an array"),
                refusal("A_EQUALS(('a', TRUE, 1.0, 8), \"city\")",
                        "{\"op\":\"a_equals\",\"args\":[[\"a\",true,1.0,8],{\"property\":\"city\"}]}",
                        "no property of this service is an array"),
                refusal("A_OVERLAPS(\"city\", (TIMESTAMP('2012-08-10T05:30:00.000000Z'), DATE('2010-02-10'), FALSE))",
                        "{\"op\":\"a_overlaps\",\"args\":[{\"property\":\"city\"},[{\"timestamp\":\"2012-08-10T05:30:00.000000Z\"},"
                                + "{\"date\":\"2010-02-10\"},false]]}",
                        "no property of this service is an array"),
                refusal("ACCENTI(name_en) = ACCENTI('débárquér')",
                        "{\"op\":\"=\",\"args\":[{\"op\":\"accenti\",\"args\":[{\"property\":\"name_en\"}]},"
                                + "{\"op\":\"accenti\",\"args\":[\"débárquér\"]}]}",
                        "accent-insensitive comparison"),
                refusal("avg(start_year) < 4",
                        "{\"op\":\"<\",\"args\":[{\"op\":\"avg\",\"args\":[{\"property\":\"start_year\"}]},4]}",
                        "function avg"),
                refusal("T_AFTER(start_year, DATE('2020-01-01'))",
                        "{\"op\":\"t_after\",\"args\":[{\"property\":\"start_year\"},{\"date\":\"2020-01-01\"}]}",
                        "need a date property"),
                refusal("start_year + name_en > 2",
                        "{\"op\":\">\",\"args\":[{\"op\":\"+\",\"args\":[{\"property\":\"start_year\"},"
                                + "{\"property\":\"name_en\"}]},2]}",
                        "'+'"));
    }

    private static Arguments refusal(String text, String json, String reason) {
        return Arguments.of(text, json, reason);
    }

    private List<String> matches(Filter filter) {
        FeatureStore store = STORES.computeIfAbsent(kind, Cql2ConformanceTest::withProjects).store();
        return store.query(FeatureQuery.all("projects").withFilter(filter)).features().stream().map(Feature::id).toList();
    }

    private static Feature project(String id, String wkt, String nameEn, String city, String status, Long startYear,
                                   Double investment, boolean sample, String approvedOn, String completedOn) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name_zh", "项目 " + id);
        properties.put("name_en", nameEn);
        properties.put("city", city);
        properties.put("status", status);
        properties.put("start_year", startYear);
        properties.put("investment_cny_100m", investment);
        properties.put("sample", sample);
        properties.put("approved_on", approvedOn == null ? null : LocalDate.parse(approvedOn));
        properties.put("completed_on", completedOn == null ? null : LocalDate.parse(completedOn));
        try {
            Geometry geometry = new WKTReader().read(wkt);
            geometry.setSRID(4326);
            return new Feature(id, properties, geometry);
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }
}
