package org.changchun.layout.ogc.cql2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.changchun.layout.query.Expression.ArithmeticOperator.DIVIDE;
import static org.changchun.layout.query.Expression.ArithmeticOperator.INTEGER_DIVIDE;
import static org.changchun.layout.query.Expression.ArithmeticOperator.MINUS;
import static org.changchun.layout.query.Expression.ArithmeticOperator.MODULO;
import static org.changchun.layout.query.Expression.ArithmeticOperator.PLUS;
import static org.changchun.layout.query.Expression.ArithmeticOperator.POWER;
import static org.changchun.layout.query.Expression.ArithmeticOperator.TIMES;
import static org.changchun.layout.query.Filter.ComparisonOperator.EQUAL;
import static org.changchun.layout.query.Filter.ComparisonOperator.GREATER;
import static org.changchun.layout.query.Filter.ComparisonOperator.GREATER_OR_EQUAL;
import static org.changchun.layout.query.Filter.ComparisonOperator.LESS;
import static org.changchun.layout.query.Filter.ComparisonOperator.LESS_OR_EQUAL;
import static org.changchun.layout.query.Filter.ComparisonOperator.NOT_EQUAL;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.query.Expression;
import org.changchun.layout.query.Expression.ArithmeticOperator;
import org.changchun.layout.query.Filter;
import org.changchun.layout.query.Filter.ComparisonOperator;
import org.changchun.layout.query.Filter.SpatialRelation;
import org.changchun.layout.query.Filter.TemporalRelation;
import org.changchun.layout.query.InvalidQueryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * CQL2 text parsing: the standard's own examples, precedence, Chinese text, the filters GDAL
 * sends, and refusals of malformed input with a message and nothing else.
 *
 * <p>Expected filters are compared whole: JTS {@code Geometry.equals(Object)} is
 * {@code equalsExact}, so a geometry literal in a record compares coordinate by coordinate
 * against the geometry JTS's own WKT reader makes of the same text.
 */
@ExtendWith(OutputCaptureExtension.class)
class Cql2TextTest {

    private static final WKTReader WKT = new WKTReader();

    // ---- the CQL2 standard's text examples (OGC 21-065r2, schema/examples/text) ----

    static Stream<Arguments> standardExamples() {
        return Stream.of(
                Arguments.of("city='Toronto'", cmp(prop("city"), EQUAL, lit("Toronto"))),
                Arguments.of("updated >= date('1970-01-01')",
                        cmp(prop("updated"), GREATER_OR_EQUAL, lit(LocalDate.of(1970, 1, 1)))),
                Arguments.of("updated >= DATE('1970-01-01')",
                        cmp(prop("updated"), GREATER_OR_EQUAL, lit(LocalDate.of(1970, 1, 1)))),
                Arguments.of("geometry IS NOT NULL", not(new Filter.IsNull(prop("geometry")))),
                Arguments.of("name LIKE 'Smith%'", like(prop("name"), lit("Smith%"))),
                Arguments.of("\"name\" LIKE 'Smith%'", like(prop("name"), lit("Smith%"))),
                Arguments.of("depth BETWEEN 100.0 and 150.0", between(prop("depth"), lit(100.0), lit(150.0))),
                Arguments.of("cityName IN ('Toronto','Frankfurt','Tokyo','New York')",
                        in(prop("cityName"), lit("Toronto"), lit("Frankfurt"), lit("Tokyo"), lit("New York"))),
                Arguments.of("category NOT IN (1,2,3,4)", not(in(prop("category"), lit(1L), lit(2L), lit(3L), lit(4L)))),
                Arguments.of("CASEI(road_class) IN (CASEI('Οδος'),CASEI('Straße'))",
                        in(casei(prop("road_class")), casei(lit("Οδος")), casei(lit("Straße")))),
                Arguments.of("S_INTERSECTS(geometry,POINT(36.319836 32.288087))",
                        spatial(SpatialRelation.INTERSECTS, prop("geometry"), geom("POINT (36.319836 32.288087)"))),
                Arguments.of("S_CROSSES(road,POLYGON((43.7286 -79.2986, 43.7311 -79.2996, 43.7323 -79.2972,"
                        + "43.7326 -79.2971, 43.7350 -79.2981, 43.7350 -79.2982, 43.7352 -79.2982,"
                        + "43.7370 -79.2956, 43.7384 -79.2940, 43.7374 -79.2905, 43.7357 -79.2919,"
                        + "43.7324 -79.2971, 43.7311 -79.2977, 43.7286 -79.2986)))",
                        spatial(SpatialRelation.CROSSES, prop("road"), geom("POLYGON ((43.7286 -79.2986, "
                                + "43.7311 -79.2996, 43.7323 -79.2972, 43.7326 -79.2971, 43.7350 -79.2981, "
                                + "43.7350 -79.2982, 43.7352 -79.2982, 43.7370 -79.2956, 43.7384 -79.2940, "
                                + "43.7374 -79.2905, 43.7357 -79.2919, 43.7324 -79.2971, 43.7311 -79.2977, "
                                + "43.7286 -79.2986))"))),
                Arguments.of("S_CROSSES(LINESTRING(43.72992 -79.2998, 43.73005 -79.2991, 43.73006 -79.2984,\n"
                        + "                     43.73140 -79.2956, 43.73259 -79.2950),\n"
                        + "         POLYGON((43.7286 -79.2986, 43.7311 -79.2996, 43.7323 -79.2972, 43.7286 -79.2986)))",
                        spatial(SpatialRelation.CROSSES,
                                geom("LINESTRING (43.72992 -79.2998, 43.73005 -79.2991, 43.73006 -79.2984, "
                                        + "43.73140 -79.2956, 43.73259 -79.2950)"),
                                geom("POLYGON ((43.7286 -79.2986, 43.7311 -79.2996, 43.7323 -79.2972, "
                                        + "43.7286 -79.2986))"))),
                Arguments.of("landsat:scene_id = 'LC82030282019133LGN00'",
                        cmp(prop("landsat:scene_id"), EQUAL, lit("LC82030282019133LGN00"))),
                Arguments.of("eo:cloud_cover < 0.1 AND landsat:wrs_row=28 AND landsat:wrs_path=203",
                        and(cmp(prop("eo:cloud_cover"), LESS, lit(0.1)), cmp(prop("landsat:wrs_row"), EQUAL, lit(28L)),
                                cmp(prop("landsat:wrs_path"), EQUAL, lit(203L)))),
                Arguments.of("eo:cloud_cover=0.1 OR eo:cloud_cover=0.2",
                        or(cmp(prop("eo:cloud_cover"), EQUAL, lit(0.1)), cmp(prop("eo:cloud_cover"), EQUAL, lit(0.2)))),
                Arguments.of("    eo:cloud_cover BETWEEN 0.1 AND 0.2 AND landsat:wrs_row=28",
                        and(between(prop("eo:cloud_cover"), lit(0.1), lit(0.2)), cmp(prop("landsat:wrs_row"), EQUAL, lit(28L)))),
                Arguments.of("floors>5", cmp(prop("floors"), GREATER, lit(5L))),
                Arguments.of("taxes <= 500", cmp(prop("taxes"), LESS_OR_EQUAL, lit(500L))),
                Arguments.of("owner NOT LIKE '%Mike%'", not(like(prop("owner"), lit("%Mike%")))),
                Arguments.of("swimming_pool = true", cmp(prop("swimming_pool"), EQUAL, lit(true))),
                Arguments.of("swimming_pool=true AND (floors>5\n OR  material LIKE 'brick%'\n OR  material LIKE '%brick')",
                        and(cmp(prop("swimming_pool"), EQUAL, lit(true)), or(cmp(prop("floors"), GREATER, lit(5L)),
                                like(prop("material"), lit("brick%")), like(prop("material"), lit("%brick"))))),
                Arguments.of("(floors>5 AND material='brick') OR swimming_pool=true",
                        or(and(cmp(prop("floors"), GREATER, lit(5L)), cmp(prop("material"), EQUAL, lit("brick"))),
                                cmp(prop("swimming_pool"), EQUAL, lit(true)))),
                Arguments.of("NOT (floors > 5)", not(cmp(prop("floors"), GREATER, lit(5L)))),
                Arguments.of("NOT (floors<5) OR swimming_pool=true",
                        or(not(cmp(prop("floors"), LESS, lit(5L))), cmp(prop("swimming_pool"), EQUAL, lit(true)))),
                Arguments.of("S_WITHIN(location,BBOX(-118,33.8,-117.9,34))", spatial(SpatialRelation.WITHIN,
                        prop("location"), geom("POLYGON ((-118 33.8, -117.9 33.8, -117.9 34, -118 34, -118 33.8))"))),
                Arguments.of("S_INTERSECTS(geometry,POLYGON((-10.0 -10.0,10.0 -10.0,10.0 10.0,-10.0 -10.0)))",
                        spatial(SpatialRelation.INTERSECTS, prop("geometry"),
                                geom("POLYGON ((-10 -10, 10 -10, 10 10, -10 -10))"))),
                Arguments.of("CASEI(geophys:SURVEY_NAME) LIKE CASEI('%calcutta%')",
                        like(casei(prop("geophys:SURVEY_NAME")), casei(lit("%calcutta%")))),
                Arguments.of("\"id\" <> 'fa7e1920-9107-422d-a3db-c468cbc5d6df'",
                        cmp(prop("id"), NOT_EQUAL, lit("fa7e1920-9107-422d-a3db-c468cbc5d6df"))),
                Arguments.of("NOT \"name\" LIKE 'foo%'", not(like(prop("name"), lit("foo%")))),
                Arguments.of("\"value\" NOT BETWEEN 10 AND 20", not(between(prop("value"), lit(10L), lit(20L)))),
                Arguments.of("\"value\" IN (1.0, 2.0, 3.0)", in(prop("value"), lit(1.0), lit(2.0), lit(3.0))),
                Arguments.of("NOT \"value\" IN ('a', 'b', 'c')", not(in(prop("value"), lit("a"), lit("b"), lit("c")))),
                Arguments.of("\"value\" IS NULL", new Filter.IsNull(prop("value"))),
                Arguments.of("(NOT \"name\" LIKE 'foo%' AND \"value\" > 10)",
                        and(not(like(prop("name"), lit("foo%"))), cmp(prop("value"), GREATER, lit(10L)))),
                Arguments.of("(\"value\" IS NULL OR \"value\" BETWEEN 10 AND 20)",
                        or(new Filter.IsNull(prop("value")), between(prop("value"), lit(10L), lit(20L)))),
                Arguments.of("S_INTERSECTS(\"geometry\", BBOX(-128.098193, -1.1, -99999.0, 180.0, 90.0, 100000.0))",
                        spatial(SpatialRelation.INTERSECTS, prop("geometry"), geom(
                                "POLYGON ((-128.098193 -1.1, 180 -1.1, 180 90, -128.098193 90, -128.098193 -1.1))"))),
                Arguments.of("S_EQUALS(\n    POLYGON (\n        (-0.333333 89.0, -102.723546 -0.5, -179.0 -89.0, -1.9 89.0, "
                        + "-0.0 89.0, 2.00001 -1.9, -0.333333 89.0)\n    ),\n    \"geometry\"\n)",
                        spatial(SpatialRelation.EQUALS, geom("POLYGON ((-0.333333 89.0, -102.723546 -0.5, -179.0 -89.0, "
                                + "-1.9 89.0, -0.0 89.0, 2.00001 -1.9, -0.333333 89.0))"), prop("geometry"))),
                Arguments.of("S_DISJOINT(\"geometry\", MULTIPOLYGON (((144.022387 45.176126, -1.1 0.0, 180.0 47.808086, "
                        + "144.022387 45.176126))))", spatial(SpatialRelation.DISJOINT, prop("geometry"), geom(
                                "MULTIPOLYGON (((144.022387 45.176126, -1.1 0, 180 47.808086, 144.022387 45.176126)))"))),
                Arguments.of("S_TOUCHES(\"geometry\", MULTILINESTRING ((-1.9 -0.99999, 75.292574 1.5, -0.5 -4.016458, "
                        + "-31.708594 -74.743801, 179.0 -90.0),(-1.9 -1.1, 1.5 8.547371)))",
                        spatial(SpatialRelation.TOUCHES, prop("geometry"), geom("MULTILINESTRING ((-1.9 -0.99999, "
                                + "75.292574 1.5, -0.5 -4.016458, -31.708594 -74.743801, 179 -90), (-1.9 -1.1, 1.5 8.547371))"))),
                Arguments.of("S_WITHIN(POLYGON Z ((-49.88024 0.5 -75993.341684, -1.5 -0.99999 -100000.0, "
                        + "0.0 0.5 -0.333333, -49.88024 0.5 -75993.341684), (-65.887123 2.00001 -100000.0, "
                        + "0.333333 -53.017711 -79471.332949, 180.0 0.0 1852.616704, -65.887123 2.00001 -100000.0)), "
                        + "\"geometry\")",
                        spatial(SpatialRelation.WITHIN, geom("POLYGON ((-49.88024 0.5, -1.5 -0.99999, 0 0.5, "
                                + "-49.88024 0.5), (-65.887123 2.00001, 0.333333 -53.017711, 180 0, -65.887123 2.00001))"),
                                prop("geometry"))),
                Arguments.of("S_OVERLAPS(\"geometry\", BBOX(-179.912109, 1.9, 180.0, 16.897016))",
                        spatial(SpatialRelation.OVERLAPS, prop("geometry"), geom("POLYGON ((-179.912109 1.9, "
                                + "180 1.9, 180 16.897016, -179.912109 16.897016, -179.912109 1.9))"))),
                Arguments.of("S_CONTAINS(\"geometry\", POINT (-3.508362 -1.754181))",
                        spatial(SpatialRelation.CONTAINS, prop("geometry"), geom("POINT (-3.508362 -1.754181)"))),
                Arguments.of("S_EQUALS(MULTIPOINT ((180.0 -0.5), (179.0 -47.121701), (180.0 -0.0)), \"geometry\")",
                        spatial(SpatialRelation.EQUALS, geom("MULTIPOINT ((180 -0.5), (179 -47.121701), (180 -0))"),
                                prop("geometry"))),
                Arguments.of("S_EQUALS(GEOMETRYCOLLECTION (POINT (1.9 2.00001), MULTILINESTRING ((-2.00001 -0.0, "
                        + "-77.292642 -0.5)), LINESTRING (179.0 1.179148, 0.5 0.333333)), \"geometry\")",
                        spatial(SpatialRelation.EQUALS, geom("GEOMETRYCOLLECTION (POINT (1.9 2.00001), "
                                + "MULTILINESTRING ((-2.00001 0, -77.292642 -0.5)), LINESTRING (179 1.179148, 0.5 0.333333))"),
                                prop("geometry"))),
                Arguments.of("CASEI(\"owner\") = CASEI('somebody else')",
                        cmp(casei(prop("owner")), EQUAL, casei(lit("somebody else")))),
                Arguments.of("\"name\" LIKE CASEI('FOO%')", like(prop("name"), casei(lit("FOO%")))),
                Arguments.of("balance-150.0 > 0", cmp(math(MINUS, prop("balance"), lit(150.0)), GREATER, lit(0L))),
                Arguments.of("vehicle_height > (bridge_clearance-1)",
                        cmp(prop("vehicle_height"), GREATER, math(MINUS, prop("bridge_clearance"), lit(1L)))),
                Arguments.of("\"value\" <= (2 ^ \"foo\")", cmp(prop("value"), LESS_OR_EQUAL, math(POWER, lit(2L), prop("foo")))),
                Arguments.of("0 = (\"foo\" % 2)", cmp(lit(0L), EQUAL, math(MODULO, prop("foo"), lit(2L)))),
                Arguments.of("1 = (\"foo\" div 2)", cmp(lit(1L), EQUAL, math(INTEGER_DIVIDE, prop("foo"), lit(2L)))),
                // the standard writes the same filter with and without parentheses: the same records
                Arguments.of("value = - foo * 2.0 + \"bar\" / 6.1234 - \"x\" ^ 2.0",
                        cmp(prop("value"), EQUAL, math(MINUS, math(PLUS, math(TIMES, math(TIMES, lit(-1L), prop("foo")),
                                lit(2.0)), math(DIVIDE, prop("bar"), lit(6.1234))), math(POWER, prop("x"), lit(2.0))))),
                Arguments.of("\"value\" = ((((-1 * \"foo\") * 2.0) + (\"bar\" / 6.1234)) - (\"x\" ^ 2.0))",
                        cmp(prop("value"), EQUAL, math(MINUS, math(PLUS, math(TIMES, math(TIMES, lit(-1L), prop("foo")),
                                lit(2.0)), math(DIVIDE, prop("bar"), lit(6.1234))), math(POWER, prop("x"), lit(2.0))))),
                Arguments.of("T_BEFORE(built, DATE('2015-01-01'))",
                        new Filter.Temporal(TemporalRelation.BEFORE, prop("built"), lit(LocalDate.of(2015, 1, 1)))),
                Arguments.of("T_DISJOINT(INTERVAL('..', '2005-01-10T01:01:01.393216Z'), INTERVAL(starts_at, ends_at))",
                        new Filter.Temporal(TemporalRelation.DISJOINT,
                                new Expression.Interval(new Expression.Unbounded(), lit(Instant.parse("2005-01-10T01:01:01.393216Z"))),
                                new Expression.Interval(prop("starts_at"), prop("ends_at")))),
                Arguments.of("A_CONTAINS(layer:ids, ('layers-ca','layers-us'))",
                        new Filter.ArrayRelation(Filter.ArrayOperator.CONTAINS, prop("layer:ids"),
                                new Expression.Array(List.of(lit("layers-ca"), lit("layers-us"))))));
    }

    @ParameterizedTest
    @MethodSource("standardExamples")
    void parsesTheStandardsExamples(String text, Filter expected) {
        assertThat(Cql2Text.parse(text)).isEqualTo(expected);
    }

    static Stream<Arguments> unsupportedStandardExamples() {
        return Stream.of(
                Arguments.of("avg(windSpeed)", "function avg"),
                Arguments.of("avg(windSpeed) < 4", "function avg"),
                Arguments.of("S_WITHIN(road,Buffer(geometry,10,'m'))", "function Buffer"),
                Arguments.of("Foo(\"geometry\") = TRUE", "function Foo"),
                Arguments.of("FALSE <> Bar(\"geometry\", 100, 'a', 'b', FALSE)", "function Bar"),
                Arguments.of("ACCENTI(etat_vol) = ACCENTI('débárquér')", "ACCENTI"),
                Arguments.of("\"name\" LIKE ACCENTI('Beyoncé') AND x = 1", "ACCENTI"));
    }

    @ParameterizedTest
    @MethodSource("unsupportedStandardExamples")
    void refusesWhatItDoesNotSupportSayingWhat(String text, String what) {
        InvalidQueryException e = refusal(text);
        assertThat(e.messageEn()).contains(what).contains("not supported");
        assertThat(e.messageZh()).contains("不支持");
    }

    @Test
    void refusalsSayWhereTheUnsupportedPartStarts() {
        assertThat(refusal("balance > 0 AND ACCENTI(a) = 'b'").messageEn()).startsWith("CQL2 filter: at character 17: ");
        assertThat(refusal("S_FOO(geometry, POINT(1 2))").messageZh())
                .startsWith("CQL2 过滤条件第 1 个字符处：不支持函数 S_FOO");
    }

    // ---- boolean structure ----

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        assertThat(Cql2Text.parse("a = 1 OR b = 2 AND NOT c = 3"))
                .isEqualTo(or(cmp(prop("a"), EQUAL, lit(1L)),
                        and(cmp(prop("b"), EQUAL, lit(2L)), not(cmp(prop("c"), EQUAL, lit(3L))))));
        assertThat(Cql2Text.parse("NOT a = 1 AND b = 2"))
                .isEqualTo(and(not(cmp(prop("a"), EQUAL, lit(1L))), cmp(prop("b"), EQUAL, lit(2L))));
        assertThat(Cql2Text.parse("(a = 1 OR b = 2) AND c = 3"))
                .isEqualTo(and(or(cmp(prop("a"), EQUAL, lit(1L)), cmp(prop("b"), EQUAL, lit(2L))),
                        cmp(prop("c"), EQUAL, lit(3L))));
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(Cql2Text.parse("a = 1 or b = 2 And not c iS nOt NuLl"))
                .isEqualTo(or(cmp(prop("a"), EQUAL, lit(1L)),
                        and(cmp(prop("b"), EQUAL, lit(2L)), not(not(new Filter.IsNull(prop("c")))))));
        assertThat(Cql2Text.parse("s_Intersects(geometry, point(1 2))"))
                .isEqualTo(spatial(SpatialRelation.INTERSECTS, prop("geometry"), geom("POINT (1 2)")));
        assertThat(Cql2Text.parse("casei(a) like casei('x%')")).isEqualTo(like(casei(prop("a")), casei(lit("x%"))));
    }

    @Test
    void trueAndFalseAloneAreConstants() {
        assertThat(Cql2Text.parse("TRUE")).isEqualTo(new Filter.Constant(true));
        assertThat(Cql2Text.parse("false")).isEqualTo(new Filter.Constant(false));
        assertThat(Cql2Text.parse("NOT (TRUE) AND a = 1"))
                .isEqualTo(and(not(new Filter.Constant(true)), cmp(prop("a"), EQUAL, lit(1L))));
    }

    @Test
    void everyPredicateHasItsNegatedForm() {
        assertThat(Cql2Text.parse("a NOT LIKE 'x%'")).isEqualTo(not(like(prop("a"), lit("x%"))));
        assertThat(Cql2Text.parse("a NOT BETWEEN -1 AND 1")).isEqualTo(not(between(prop("a"), lit(-1L), lit(1L))));
        assertThat(Cql2Text.parse("a NOT IN ('x')")).isEqualTo(not(in(prop("a"), lit("x"))));
        assertThat(Cql2Text.parse("a IS NOT NULL")).isEqualTo(not(new Filter.IsNull(prop("a"))));
    }

    // ---- values ----

    @ParameterizedTest
    @EnumSource(ComparisonOperator.class)
    void comparesAnyTwoScalars(ComparisonOperator operator) {
        String symbol = operator.symbol();
        assertThat(Cql2Text.parse("a " + symbol + " 'x'")).isEqualTo(cmp(prop("a"), operator, lit("x")));
        assertThat(Cql2Text.parse("5" + symbol + "a")).isEqualTo(cmp(lit(5L), operator, prop("a")));
        assertThat(Cql2Text.parse("a" + symbol + "b")).isEqualTo(cmp(prop("a"), operator, prop("b")));
    }

    @Test
    void readsIntegersAsLongAndOtherNumbersAsDouble() {
        assertThat(value("a = -5")).isEqualTo(-5L);
        assertThat(value("a = +7")).isEqualTo(7L);
        assertThat(value("a = 9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(value("a = +1.5e3")).isEqualTo(1500.0);
        assertThat(value("a = 2E-2")).isEqualTo(0.02);
        assertThat(value("a = 1.")).isEqualTo(1.0);
        assertThat(value("a = .5")).isEqualTo(0.5);
        assertThat(value("a = - 3.25")).isEqualTo(-3.25);
        assertThat(value("a = 1e+20")).isEqualTo(1e20);
    }

    @Test
    void readsStringsBooleansDatesAndTimestamps() {
        assertThat(value("a = 'it''s'")).isEqualTo("it's");
        assertThat(value("a = ''")).isEqualTo("");
        assertThat(value("a = 'two\nlines'")).isEqualTo("two\nlines");
        assertThat(value("a = TRUE")).isEqualTo(true);
        assertThat(value("a = false")).isEqualTo(false);
        assertThat(value("a = DATE('2021-12-28')")).isEqualTo(LocalDate.of(2021, 12, 28));
        assertThat(value("a = TIMESTAMP('2021-12-28T10:00:00Z')")).isEqualTo(Instant.parse("2021-12-28T10:00:00Z"));
        assertThat(value("a = TIMESTAMP('2012-08-10T05:30:00.000000Z')")).isEqualTo(Instant.parse("2012-08-10T05:30:00Z"));
    }

    @Test
    void keepsLikePatternsAsWritten() {
        assertThat(Cql2Text.parse("a LIKE '100\\%'")).isEqualTo(like(prop("a"), lit("100\\%")));
        assertThat(Cql2Text.parse("a LIKE 'C:\\'")).isEqualTo(like(prop("a"), lit("C:\\")));
        assertThat(Cql2Text.parse("a LIKE '_b%'")).isEqualTo(like(prop("a"), lit("_b%")));
        assertThat(Cql2Text.parse("'abc' LIKE 'a%'")).isEqualTo(like(lit("abc"), lit("a%")));
    }

    @Test
    void readsPropertyNamesBareOrQuoted() {
        assertThat(Cql2Text.parse("a.b:c_1 = 1")).isEqualTo(cmp(prop("a.b:c_1"), EQUAL, lit(1L)));
        assertThat(Cql2Text.parse("\"name with space\" = 1")).isEqualTo(cmp(prop("name with space"), EQUAL, lit(1L)));
        assertThat(Cql2Text.parse("\"say \"\"hi\"\"\" = 1")).isEqualTo(cmp(prop("say \"hi\""), EQUAL, lit(1L)));
        assertThat(Cql2Text.parse("\"AND\" = 1")).isEqualTo(cmp(prop("AND"), EQUAL, lit(1L)));
        assertThat(Cql2Text.parse("_x = 1")).isEqualTo(cmp(prop("_x"), EQUAL, lit(1L)));
    }

    @Test
    void typeNamesAndZAreStillPropertyNamesWhereNoLiteralCanBe() {
        assertThat(Cql2Text.parse("date = DATE('2020-01-01')"))
                .isEqualTo(cmp(prop("date"), EQUAL, lit(LocalDate.of(2020, 1, 1))));
        assertThat(Cql2Text.parse("Point IS NULL")).isEqualTo(new Filter.IsNull(prop("Point")));
        assertThat(Cql2Text.parse("z > 1 AND timestamp < 2 AND bbox = 3")).isEqualTo(and(
                cmp(prop("z"), GREATER, lit(1L)), cmp(prop("timestamp"), LESS, lit(2L)), cmp(prop("bbox"), EQUAL, lit(3L))));
        assertThat(Cql2Text.parse("S_INTERSECTS(point, POINT(1 2))"))
                .isEqualTo(spatial(SpatialRelation.INTERSECTS, prop("point"), geom("POINT (1 2)")));
    }

    @Test
    void parenthesesAroundASingleValueOnlyGroup() {
        assertThat(Cql2Text.parse("(floors) > (5)")).isEqualTo(cmp(prop("floors"), GREATER, lit(5L)));
    }

    // ---- Chinese ----

    @Test
    void readsChineseNamesAndText() {
        assertThat(Cql2Text.parse("name_zh LIKE '%区'")).isEqualTo(like(prop("name_zh"), lit("%区")));
        assertThat(Cql2Text.parse("名称 = '双阳区'")).isEqualTo(cmp(prop("名称"), EQUAL, lit("双阳区")));
        assertThat(Cql2Text.parse("\"name_zh\" = 'it''s'")).isEqualTo(cmp(prop("name_zh"), EQUAL, lit("it's")));
        assertThat(Cql2Text.parse("规划面积_km2 >= 1.5 AND 类别 IN ('居住用地', '商业用地')")).isEqualTo(and(
                cmp(prop("规划面积_km2"), GREATER_OR_EQUAL, lit(1.5)), in(prop("类别"), lit("居住用地"), lit("商业用地"))));
        assertThat(Cql2Text.parse("\"名称\" <> '𠀀'")).isEqualTo(cmp(prop("名称"), NOT_EQUAL, lit("𠀀")));
    }

    // ---- what GDAL's OAPIF driver sends ----

    static Stream<Arguments> gdalFilters() {
        return Stream.of(
                Arguments.of("(\"name_zh\" = '朝阳区')", cmp(prop("name_zh"), EQUAL, lit("朝阳区"))),
                Arguments.of("(\"start_year\" >= 2022 AND \"start_year\" <= 2024)",
                        and(cmp(prop("start_year"), GREATER_OR_EQUAL, lit(2022L)),
                                cmp(prop("start_year"), LESS_OR_EQUAL, lit(2024L)))),
                // the form GDAL's BuildFilterCQLText writes: each operand of AND/OR in parentheses
                Arguments.of("(start_year >= 2022) AND (start_year <= 2024)",
                        and(cmp(prop("start_year"), GREATER_OR_EQUAL, lit(2022L)),
                                cmp(prop("start_year"), LESS_OR_EQUAL, lit(2024L)))),
                Arguments.of("(name_zh = '朝阳区') OR (name_zh = '南关区')",
                        or(cmp(prop("name_zh"), EQUAL, lit("朝阳区")), cmp(prop("name_zh"), EQUAL, lit("南关区")))),
                Arguments.of("NOT (name_zh = '朝阳区')", not(cmp(prop("name_zh"), EQUAL, lit("朝阳区")))),
                Arguments.of("(name_zh IS NULL)", new Filter.IsNull(prop("name_zh"))),
                Arguments.of("name_zh LIKE '%区'", like(prop("name_zh"), lit("%区"))),
                Arguments.of("area_km2 > 1e+20", cmp(prop("area_km2"), GREATER, lit(1e20))),
                Arguments.of("owner = 'O''Brien'", cmp(prop("owner"), EQUAL, lit("O'Brien"))),
                Arguments.of("S_INTERSECTS(geometry, BBOX(125.1, 43.7, 125.5, 44.0))", spatial(SpatialRelation.INTERSECTS,
                        prop("geometry"), geom("POLYGON ((125.1 43.7, 125.5 43.7, 125.5 44, 125.1 44, 125.1 43.7))"))));
    }

    @ParameterizedTest
    @MethodSource("gdalFilters")
    void parsesWhatGdalSends(String text, Filter expected) {
        assertThat(Cql2Text.parse(text)).isEqualTo(expected);
    }

    // ---- geometry literals ----

    @ParameterizedTest
    @EnumSource(SpatialRelation.class)
    void mapsEverySpatialFunction(SpatialRelation relation) {
        String function = "s_" + relation.name().toLowerCase();
        assertThat(Cql2Text.parse(function + "(geometry, other)"))
                .isEqualTo(spatial(relation, prop("geometry"), prop("other")));
    }

    @Test
    void buildsEveryGeometryTypeInWgs84WithoutZ() {
        assertGeometry("POINT(125.3 43.9)", "POINT (125.3 43.9)");
        assertGeometry("POINT Z (125.3 43.9 210)", "POINT (125.3 43.9)");
        assertGeometry("LINESTRING(0 0, 1 1, 2 0)", "LINESTRING (0 0, 1 1, 2 0)");
        assertGeometry("POLYGON((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 1 1))",
                "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 1 1))");
        assertGeometry("MULTIPOINT((1 2), (3 4))", "MULTIPOINT ((1 2), (3 4))");
        assertGeometry("MULTIPOINT(1 2, 3 4)", "MULTIPOINT ((1 2), (3 4))");
        assertGeometry("MULTILINESTRING((0 0, 1 1), (2 2, 3 3))", "MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))");
        assertGeometry("MULTIPOLYGON Z (((0 0 1, 1 0 1, 1 1 1, 0 0 1)), ((5 5 0, 6 5 0, 6 6 0, 5 5 0)))",
                "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))");
        assertGeometry("GEOMETRYCOLLECTION(POINT(1 2), LINESTRING(0 0, 1 1), MULTIPOINT(5 5))",
                "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1), MULTIPOINT ((5 5)))");
        assertGeometry("BBOX(125.1, 43.7, 125.5, 44.0)", "POLYGON ((125.1 43.7, 125.5 43.7, 125.5 44, 125.1 44, 125.1 43.7))");
        assertGeometry("BBOX(125.1, 43.7, 0, 125.5, 44.0, 300)",
                "POLYGON ((125.1 43.7, 125.5 43.7, 125.5 44, 125.1 44, 125.1 43.7))");
    }

    private static void assertGeometry(String literal, String expectedWkt) {
        Filter filter = Cql2Text.parse("S_INTERSECTS(geometry, " + literal + ")");
        Geometry geometry = (Geometry) ((Expression.Literal) ((Filter.Spatial) filter).right()).value();
        assertThat(geometry.equalsExact(wkt(expectedWkt))).as(literal + " -> " + geometry).isTrue();
        assertThat(geometry.getSRID()).isEqualTo(4326);
        assertThat(Arrays.stream(geometry.getCoordinates()).allMatch(c -> Double.isNaN(c.getZ()))).isTrue();
    }

    // ---- malformed input ----

    static Stream<String> malformed() {
        return Stream.of(
                "(a = 1", "a = 1)", "((a = 1)", "a = (1", ")(", "name = 'abc", "name = \"abc", "\"\" = 1",
                "name = 'it's'", "name LIKE", "a LIKE 5", "depth BETWEEN 1", "depth BETWEEN 1 AND",
                "a BETWEEN 'x' AND 'y'", "a IN ()", "a IN (1,)", "a IN 1", "S_INTERSECTS(geometry, POINT(1))",
                "S_INTERSECTS(geometry, POINT(1 2 3 4))", "S_INTERSECTS(geometry, POLYGON((0 0, 1 1)))",
                "S_INTERSECTS(geometry, POLYGON((0 0, 1 0, 1 1, 0 1)))", "S_INTERSECTS(geometry, LINESTRING(0 0))",
                "S_INTERSECTS(geometry, POINT EMPTY)", "S_INTERSECTS(geometry, BBOX(1, 2, 3))",
                "S_INTERSECTS(geometry, BBOX(3, 2, 1, 4))", "S_INTERSECTS(geometry)", "S_INTERSECTS(a = 1, b)",
                "S_FOO(geometry, POINT(1 2))", "d = DATE('2021-13-45')", "d = DATE('2021-02-29')", "d = DATE('21-1-1')",
                "d = DATE(2021-12-28)", "t = TIMESTAMP('2021-12-28 10:00:00')", "t = TIMESTAMP('2021-12-28T10:00:00+08:00')",
                "a = ", "a = 1 AND", "a = 1 OR", "NOT", "NOT NOT a = 1", "a = 1 a = 2", "TRUE FALSE", "a", "1", "'abc'",
                "", " ", "\t\r\n \u3000", "name = 'x'; DROP TABLE layer; --", "name = 'x' OR 1=1 --",
                "name = 'x' UNION SELECT * FROM users", "a = 99999999999999999999", "a = 1e999", "a == 1", "a != 1",
                "a ILIKE 'x'", "a = [1]", "a = {1}", "a = 0x10", "a IS NULL NULL", "a IS", "a = 1 AND b",
                "名称 ＝ '双阳区'", "a = @b", "a = `b`", "a = 1 # comment", "a = \\'x\\'", "a =\u0000 1", "\uD800 = 1",
                "\u0001\u0002\u0003", "S_INTERSECTS(geometry, CIRCLE(1 2, 3))", "CASEI() = 'x'");
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void refusesMalformedInputWithAMessageAndNothingElse(String text, CapturedOutput output) {
        InvalidQueryException e = refusal(text);
        assertThat(e.messageZh()).isNotBlank().startsWith("CQL2 过滤条件");
        assertThat(e.messageEn()).isNotBlank().startsWith("CQL2 filter");
        assertThat(output.getErr()).isEmpty();
    }

    @Test
    void refusesRandomBinaryGarbage(CapturedOutput output) {
        Random random = new Random(21_065L);
        for (int i = 0; i < 50; i++) {
            byte[] bytes = new byte[1 + random.nextInt(200)];
            random.nextBytes(bytes);
            String garbage = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(refusal(garbage).messageEn()).isNotBlank();
        }
        assertThat(output.getErr()).isEmpty();
    }

    @Test
    void syntaxErrorsSayWhatAndWhere() {
        InvalidQueryException endsEarly = refusal("a = 1 AND");
        assertThat(endsEarly.messageZh()).isEqualTo("CQL2 过滤条件第 10 个字符处有语法错误：过滤条件不完整，在此意外结束");
        assertThat(endsEarly.messageEn()).isEqualTo("CQL2 filter: syntax error at character 10: the filter ends too early");
        assertThat(refusal("depth BETWEEN 1").messageEn()).endsWith("expected 'AND'");
        assertThat(refusal("(a = 1").messageZh()).endsWith("此处应为 ')'");
        assertThat(refusal("名称 = '双阳区' 或 b = 1").messageEn())
                .isEqualTo("CQL2 filter: syntax error at character 12: unexpected '或', expected the end of the filter");
        assertThat(refusal("name = 'x'; DROP TABLE layer; --").messageEn())
                .isEqualTo("CQL2 filter: syntax error at character 11: unrecognized character ';'");
        assertThat(refusal("name = 'abc").messageZh()).isEqualTo("CQL2 过滤条件第 8 个字符处有语法错误：字符串缺少结尾的单引号");
        assertThat(refusal("a =\u0000 1").messageEn()).endsWith("unrecognized character 'U+0000'");
    }

    @Test
    void valueErrorsSayWhatAndWhere() {
        assertThat(refusal("d = DATE('2021-13-45')").messageEn()).startsWith("CQL2 filter: at character 10: invalid date");
        assertThat(refusal("S_INTERSECTS(geometry, POLYGON((0 0, 1 0, 1 1, 0 1)))").messageZh())
                .isEqualTo("CQL2 过滤条件第 32 个字符处：多边形的环没有闭合：首尾两点必须相同");
        assertThat(refusal("a = 1e999").messageEn()).isEqualTo("CQL2 filter: at character 5: number out of range: 1e999");
    }

    // ---- limits ----

    @Test
    void refusesEmptyInput() {
        for (String empty : new String[] {null, "", "   ", "\n\t", "\u00A0\u3000"}) {
            InvalidQueryException e = refusal(empty);
            assertThat(e.messageZh()).isEqualTo("CQL2 过滤条件为空");
            assertThat(e.messageEn()).isEqualTo("CQL2 filter is empty");
        }
    }

    @Test
    void limitsTheNestingOfParentheses() {
        String forty = "(".repeat(40) + "a = 1" + ")".repeat(40);
        assertThat(Cql2Text.parse(forty)).isEqualTo(cmp(prop("a"), EQUAL, lit(1L)));
        assertThat(refusal("(".repeat(41) + "a = 1" + ")".repeat(41)).messageEn())
                .isEqualTo("CQL2 filter: at character 41: parentheses nest deeper than 40 levels");
        assertThat(refusal("(".repeat(50) + "a = 1" + ")".repeat(50)).messageZh()).contains("括号嵌套超过 40 层");
        assertThat(refusal("CASEI(".repeat(45) + "a" + ")".repeat(45) + " = 'x'").messageEn()).contains("deeper than 40");
        assertThat(refusal("(".repeat(100_000), 40, 200_000).messageEn()).contains("deeper than 40");
        assertThat(refusal("((a = 1))", 1, 100).messageEn()).contains("deeper than 1 levels");
    }

    @Test
    void limitsTheLength() {
        StringBuilder longest = new StringBuilder("a = 0");
        while (longest.length() < Cql2Text.DEFAULT_MAX_LENGTH - 12) {
            longest.append(" OR a = 1");
        }
        longest.append(" ".repeat(Cql2Text.DEFAULT_MAX_LENGTH - longest.length()));
        assertThat(Cql2Text.parse(longest.toString())).isInstanceOf(Filter.Or.class);
        InvalidQueryException e = refusal("a = '" + "x".repeat(30_000) + "'");
        assertThat(e.messageEn()).isEqualTo("CQL2 filter is too long: 30006 characters, at most 20000");
        assertThat(e.messageZh()).isEqualTo("CQL2 过滤条件过长：30006 个字符，最多 20000 个");
        assertThat(refusal("a = 'xyz'", 40, 8).messageEn()).contains("at most 8");
    }

    @Test
    void refusesLimitsBelowOneAsAProgrammingError() {
        assertThatThrownBy(() -> Cql2Text.parse("a = 1", ApiCrs.CRS84, 0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cql2Text.parse("a = 1", ApiCrs.CRS84, 40, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesCoordinatesOutsideTheFilterCrsNamingTheLiteral() {
        InvalidQueryException huge = refusal("S_INTERSECTS(geometry, POLYGON((0 0, 1e308 0, 1e308 1e308, 0 0)))");
        assertThat(huge.messageEn()).isEqualTo("CQL2 filter: at character 38: the coordinate (1e308 0) of the geometry "
                + "literal POLYGON((0 0, 1e308 0, 1e308 1e308, 0 0)) is outside the valid area of the filter's CRS "
                + "(filter-crs), CRS84: longitude -180..180, latitude -90..90");
        assertThat(huge.messageZh()).isEqualTo("CQL2 过滤条件第 38 个字符处：几何字面量 POLYGON((0 0, 1e308 0, 1e308 1e308, 0 0)) "
                + "中的坐标 (1e308 0) 超出 filter-crs 的有效范围（CRS84 经度 -180 到 180，纬度 -90 到 90）");
        assertThat(refusal("S_WITHIN(geometry, BBOX(-181, 43, 126, 44))").messageEn())
                .contains("at character 25", "(-181 43)", "BBOX(-181, 43, 126, 44)");
        assertThat(refusal("S_INTERSECTS(geometry, POINT(125.3 91))").messageEn()).contains("(125.3 91)");
        // latitude first: 125 is no latitude
        assertThat(refusal("S_INTERSECTS(geometry, POINT(125.3 43.9))", ApiCrs.CGCS2000, 40, 20_000).messageEn())
                .contains("EPSG:4490 (latitude first): latitude -90..90, longitude -180..180");
        assertThat(Cql2Text.parse("S_INTERSECTS(geometry, POINT(43.9 125.3))", ApiCrs.CGCS2000, 40, 20_000)).isNotNull();
        assertThat(Cql2Text.parse("S_INTERSECTS(geometry, POINT(13914936.35 5311971.85))", ApiCrs.WEB_MERCATOR, 40,
                20_000)).isNotNull();
        assertThat(refusal("S_INTERSECTS(geometry, POINT(20037509 0))", ApiCrs.WEB_MERCATOR, 40, 20_000).messageEn())
                .contains("EPSG:3857: x and y within ±20037508.34 metres");
        assertThat(Cql2Text.parse("S_INTERSECTS(geometry, BBOX(-180, -90, 180, 90))")).isNotNull();
    }

    // ---- fuzzing ----

    private static final List<String> VALID = List.of(
            "city='Toronto'",
            "\"name_zh\" = 'it''s'",
            "name_zh LIKE '%区'",
            "名称 = '双阳区' AND 类别 <> '工业'",
            "depth BETWEEN 100.0 and 150.0",
            "cityName NOT IN ('Toronto','Frankfurt','Tokyo','New York')",
            "S_INTERSECTS(geometry,POINT(36.319836 32.288087))",
            "NOT (floors > 5) OR swimming_pool=true",
            "updated >= DATE('1970-01-01') AND t < TIMESTAMP('2021-12-28T10:00:00Z')",
            "CASEI(road_class) IN (CASEI('Οδος'),CASEI('Straße'))",
            "S_INTERSECTS(geometry, BBOX(125.1, 43.7, 125.5, 44.0))",
            "(\"start_year\" >= 2022 AND \"start_year\" <= 2024)",
            "S_WITHIN(POLYGON Z ((0 0 1, 1 0 1, 1 1 1, 0 0 1)), geometry)",
            "S_EQUALS(GEOMETRYCOLLECTION (POINT (1.9 2.00001), MULTIPOINT(1 2, 3 4)), geometry)",
            "a = -5 AND b <> +1.5e3 AND c IS NOT NULL",
            "S_DISJOINT(geometry, MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5))))",
            "a NOT LIKE 'x\\%' AND b NOT BETWEEN 1 AND 2 AND TRUE",
            "S_CROSSES(MULTILINESTRING((0 0, 1 1),(2 2, 3 3)), LINESTRING(0 1, 1 0))",
            "(a = 1 OR (b = 2 AND (c = 3 OR NOT d IS NULL)))",
            "CASEI(\"owner\") LIKE CASEI('mike%') OR FALSE");

    private static final String[] FRAGMENTS = {
        "(", ")", "'", "\"", ",", " ", "AND ", " OR ", "NOT ", "=", "<", ">", "-", "+", "1", "1e999", ".",
        "99999999999999999999", "POINT", "BBOX(", "DATE(", "CASEI(", "S_INTERSECTS(", "IS", "NULL", "Z", "%", "^",
        "''", "\"\"", "名", "\u0000", "\uD800", "\uD83D\uDE00", "\\", ";"};

    @Test
    void everyValidFuzzSeedParses() {
        VALID.forEach(text -> assertThat(Cql2Text.parse(text)).as(text).isNotNull());
    }

    @Test
    void mutatedFiltersParseOrAreRefusedButNeverThrowAnythingElse(CapturedOutput output) {
        Random random = new Random(20_261_126L);
        int parsed = 0;
        int refused = 0;
        for (int i = 0; i < 300; i++) {
            String text = VALID.get(i % VALID.size());
            for (int mutations = 1 + random.nextInt(3); mutations > 0; mutations--) {
                text = mutate(text, random);
            }
            try {
                assertThat(Cql2Text.parse(text)).as(text).isNotNull();
                parsed++;
            } catch (InvalidQueryException e) {
                assertThat(e.messageZh()).as(text).isNotBlank();
                assertThat(e.messageEn()).as(text).isNotBlank();
                refused++;
            } catch (Throwable t) {
                fail("parsing [" + text + "] threw " + t, t);
            }
        }
        // both outcomes occur, so the mutations neither all break nor all miss the grammar
        assertThat(parsed).isPositive();
        assertThat(refused).isPositive();
        assertThat(output.getErr()).isEmpty();
    }

    /** Deletes, inserts, duplicates or swaps a character or a token. */
    private static String mutate(String text, Random random) {
        if (text.isEmpty()) {
            return FRAGMENTS[random.nextInt(FRAGMENTS.length)];
        }
        int at = random.nextInt(text.length());
        int other = random.nextInt(text.length());
        List<String> tokens = new ArrayList<>(Arrays.asList(text.split("(?<=[\\s(),])|(?=[\\s(),])")));
        int token = random.nextInt(tokens.size());
        int otherToken = random.nextInt(tokens.size());
        switch (random.nextInt(7)) {
            case 0 -> {
                return text.substring(0, at) + text.substring(at + 1);
            }
            case 1 -> {
                return text.substring(0, at) + FRAGMENTS[random.nextInt(FRAGMENTS.length)] + text.substring(at);
            }
            case 2 -> {
                return text.substring(0, at) + text.charAt(at) + text.substring(at);
            }
            case 3 -> {
                char[] chars = text.toCharArray();
                chars[at] = text.charAt(other);
                chars[other] = text.charAt(at);
                return new String(chars);
            }
            case 4 -> tokens.remove(token);
            case 5 -> tokens.add(token, tokens.get(otherToken));
            default -> Collections.swap(tokens, token, otherToken);
        }
        return String.join("", tokens);
    }

    // ---- helpers ----

    private static InvalidQueryException refusal(String text) {
        return refusal(text, Cql2Text.DEFAULT_MAX_DEPTH, Cql2Text.DEFAULT_MAX_LENGTH);
    }

    private static InvalidQueryException refusal(String text, int maxDepth, int maxLength) {
        return refusal(text, ApiCrs.CRS84, maxDepth, maxLength);
    }

    private static InvalidQueryException refusal(String text, ApiCrs crs, int maxDepth, int maxLength) {
        try {
            Filter filter = Cql2Text.parse(text, crs, maxDepth, maxLength);
            return fail("expected [" + text + "] to be refused, got " + filter);
        } catch (InvalidQueryException e) {
            return e;
        }
    }

    /** The literal on the right of a comparison. */
    private static Object value(String comparison) {
        return ((Expression.Literal) ((Filter.Comparison) Cql2Text.parse(comparison)).right()).value();
    }

    private static Expression.Property prop(String name) {
        return new Expression.Property(name);
    }

    private static Expression.Literal lit(Object value) {
        return new Expression.Literal(value);
    }

    private static Expression.Literal geom(String wkt) {
        return lit(wkt(wkt));
    }

    private static Geometry wkt(String text) {
        try {
            return WKT.read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static Expression math(ArithmeticOperator operator, Expression left, Expression right) {
        return new Expression.Arithmetic(operator, left, right);
    }

    private static Expression casei(Expression expression) {
        return new Expression.CaseInsensitive(expression);
    }

    private static Filter cmp(Expression left, ComparisonOperator operator, Expression right) {
        return new Filter.Comparison(left, operator, right);
    }

    private static Filter like(Expression value, Expression pattern) {
        return new Filter.Like(value, pattern);
    }

    private static Filter between(Expression value, Expression low, Expression high) {
        return new Filter.Between(value, low, high);
    }

    private static Filter in(Expression value, Expression... list) {
        return new Filter.In(value, List.of(list));
    }

    private static Filter spatial(SpatialRelation relation, Expression left, Expression right) {
        return new Filter.Spatial(relation, left, right);
    }

    private static Filter and(Filter... parts) {
        return new Filter.And(List.of(parts));
    }

    private static Filter or(Filter... parts) {
        return new Filter.Or(List.of(parts));
    }

    private static Filter not(Filter filter) {
        return new Filter.Not(filter);
    }
}
