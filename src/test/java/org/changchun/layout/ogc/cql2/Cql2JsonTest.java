package org.changchun.layout.ogc.cql2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.query.Filter;
import org.changchun.layout.query.InvalidQueryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * CQL2 JSON parsing beyond the standard's examples (which {@link Cql2ConformanceTest} runs):
 * refusals of malformed documents name the place as a JSON pointer, the limits hold, and
 * mutated documents are parsed or refused but never throw anything else.
 */
@ExtendWith(OutputCaptureExtension.class)
class Cql2JsonTest {

    @Test
    void trueAndFalseAloneAreConstants() {
        assertThat(parse("true")).isEqualTo(new Filter.Constant(true));
        assertThat(parse("false")).isEqualTo(new Filter.Constant(false));
    }

    @Test
    void readsTheSameFilterAsTheTextEncoding() {
        assertThat(parse("{\"op\":\"isNull\",\"args\":[{\"property\":\"名称\"}]}"))
                .isEqualTo(Cql2Text.parse("名称 IS NULL"));
        assertThat(parse("{\"op\":\"S_INTERSECTS\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[125,43,126,44]}]}"))
                .as("operators are read without regard to case").isEqualTo(
                        Cql2Text.parse("S_INTERSECTS(geometry, BBOX(125, 43, 126, 44))"));
        assertThat(parse("{\"op\":\"=\",\"args\":[{\"property\":\"a\"},{\"timestamp\":\"2021-12-28T10:00:00Z\"}]}"))
                .isEqualTo(Cql2Text.parse("a = TIMESTAMP('2021-12-28T10:00:00Z')"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void refusesMalformedDocumentsSayingWhereAndWhat(String json, String message, CapturedOutput output) {
        InvalidQueryException e = refusal(json);
        assertThat(e.messageEn()).contains(message);
        assertThat(e.messageZh()).startsWith("CQL2");
        assertThat(output.getErr()).isEmpty();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("{\"op\":", "not valid JSON"),
                Arguments.of("{\"op\":\"=\",\"op\":\"<\",\"args\":[1,2]}", "not valid JSON"),
                Arguments.of("42", "at /: expected a condition"),
                Arguments.of("{\"args\":[1,2]}", "at /: expected a condition"),
                Arguments.of("{\"op\":\"=\"}", "at /: \"args\" (an array of arguments) is missing"),
                Arguments.of("{\"op\":\"=\",\"args\":[1,2],\"extra\":0}", "unexpected member \"extra\""),
                Arguments.of("{\"op\":7,\"args\":[]}", "at /op: \"op\" must be a non-empty string"),
                Arguments.of("{\"op\":\"=\",\"args\":[1]}", "\"=\" takes 2 arguments"),
                Arguments.of("{\"op\":\"and\",\"args\":[true]}", "\"and\" takes at least 2 arguments"),
                Arguments.of("{\"op\":\"not\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"\"},1]}]}",
                        "at /args/0/args/0/property: a property name must be a non-empty string"),
                Arguments.of("{\"op\":\"=\",\"args\":[{\"property\":\"a\"},null]}", "at /args/1: expected a value, not null"),
                Arguments.of("{\"op\":\"=\",\"args\":[{\"property\":\"a\"},{\"date\":\"2021-13-45\"}]}",
                        "at /args/1/date: invalid date"),
                Arguments.of("{\"op\":\"=\",\"args\":[{\"property\":\"a\"},{\"timestamp\":\"2021-12-28\"}]}",
                        "at /args/1/timestamp: invalid timestamp"),
                Arguments.of("{\"op\":\"=\",\"args\":[{\"property\":\"a\"},{\"date\":\"2021-12-28\",\"x\":1}]}",
                        "must have no other member"),
                Arguments.of("{\"op\":\"=\",\"args\":[{\"property\":\"a\"},123456789012345678901234567890]}", "number out of range"),
                Arguments.of("{\"op\":\"=\",\"args\":[{\"property\":\"a\"},1e999]}", "number out of range"),
                Arguments.of("{\"op\":\"+\",\"args\":[1,2]}", "\"+\" gives a value, not a condition"),
                Arguments.of("{\"op\":\"=\",\"args\":[{\"op\":\"and\",\"args\":[true,true]},true]}",
                        "at /args/0: expected a value here, but \"and\" is a condition"),
                Arguments.of("{\"op\":\"avg\",\"args\":[{\"property\":\"a\"}]}", "function avg is not supported"),
                Arguments.of("{\"op\":\"in\",\"args\":[{\"property\":\"a\"},1]}", "at /args/1: the second argument of \"in\""),
                Arguments.of("{\"op\":\"t_after\",\"args\":[{\"property\":\"a\"},{\"interval\":[\"2020-01-01\"]}]}",
                        "at /args/1/interval: an interval must be an array of its two ends"),
                Arguments.of("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Circle\"}]}",
                        "at /args/1/type: unsupported geometry type \"Circle\""),
                Arguments.of("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},"
                        + "{\"type\":\"Point\",\"coordinates\":[125.3,91]}]}", "(125.3 91.0)"),
                Arguments.of("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[126,43,125,44]}]}",
                        "BBOX minimum exceeds its maximum"),
                Arguments.of("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[1,2,3]}]}",
                        "a bbox must be an array of 4 numbers"),
                Arguments.of("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},"
                        + "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0]]]}]}", "the geometry cannot be read"));
    }

    @Test
    void refusesEmptyInput() {
        for (String empty : List.of("", " ", "\n")) {
            assertThat(refusal(empty).messageEn()).isNotBlank();
        }
    }

    @Test
    void limitsTheNestingAndTheLength() {
        String nested = "{\"op\":\"not\",\"args\":[".repeat(60) + "true" + "]}".repeat(60);
        assertThat(refusal(nested).messageEn()).contains("nests deeper than 40 levels");
        String shallow = "{\"op\":\"not\",\"args\":[".repeat(10) + "true" + "]}".repeat(10);
        assertThat(parse(shallow)).isNotNull();
        assertThat(refusal("[".repeat(100_000), 40, 200_000).messageEn()).contains("deeper than 40");
        assertThat(refusal("{\"op\":\"=\",\"args\":[{\"property\":\"a\"},\"" + "x".repeat(30_000) + "\"]}", 40, 20_000)
                .messageEn()).contains("at most 20000");
        assertThatThrownBy(() -> Cql2Json.parse("true", ApiCrs.CRS84, 0, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    private static final List<String> VALID = List.of(
            "{\"op\":\"and\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"city\"},\"automobile\"]},"
                    + "{\"op\":\">\",\"args\":[{\"op\":\"+\",\"args\":[{\"property\":\"start_year\"},1]},2023]}]}",
            "{\"op\":\"t_during\",\"args\":[{\"interval\":[{\"property\":\"a\"},{\"property\":\"b\"}]},"
                    + "{\"interval\":[\"2017-06-10T07:30:00Z\",\"..\"]}]}",
            "{\"op\":\"s_within\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Polygon\",\"coordinates\":"
                    + "[[[125.1,43.7],[125.2,43.7],[125.2,43.8],[125.1,43.7]]]}]}",
            "{\"op\":\"in\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"c\"}]},[\"x\",1,true,{\"date\":\"2020-01-01\"}]]}",
            "{\"op\":\"or\",\"args\":[{\"op\":\"like\",\"args\":[{\"property\":\"n\"},\"a%\"]},"
                    + "{\"op\":\"between\",\"args\":[{\"property\":\"v\"},1,2.5]},{\"op\":\"isNull\",\"args\":[{\"property\":\"v\"}]}]}");

    private static final String[] FRAGMENTS = {
        "{", "}", "[", "]", ",", ":", "\"", "null", "true", "-", "1e999", "\"op\"", "\"args\"", "{\"property\":\"x\"}",
        "\"..\"", "\"not\"", "\"interval\"", "\"bbox\"", "名", "\u0000", "\\"};

    @Test
    void mutatedDocumentsParseOrAreRefusedButNeverThrowAnythingElse(CapturedOutput output) {
        VALID.forEach(json -> assertThat(parse(json)).as(json).isNotNull());
        Random random = new Random(21_065_2L);
        int parsed = 0;
        int refused = 0;
        for (int i = 0; i < 400; i++) {
            String json = VALID.get(i % VALID.size());
            for (int mutations = 1 + random.nextInt(2); mutations > 0; mutations--) {
                int at = random.nextInt(json.length());
                json = random.nextBoolean()
                        ? json.substring(0, at) + FRAGMENTS[random.nextInt(FRAGMENTS.length)] + json.substring(at)
                        : json.substring(0, at) + json.substring(Math.min(json.length(), at + 1 + random.nextInt(8)));
            }
            try {
                assertThat(parse(json)).as(json).isNotNull();
                parsed++;
            } catch (InvalidQueryException e) {
                assertThat(e.messageZh()).as(json).isNotBlank();
                assertThat(e.messageEn()).as(json).isNotBlank();
                refused++;
            } catch (Throwable t) {
                fail("parsing [" + json + "] threw " + t, t);
            }
        }
        assertThat(parsed).isPositive();
        assertThat(refused).isPositive();
        assertThat(output.getErr()).isEmpty();
    }

    private static Filter parse(String json) {
        return Cql2Json.parse(json, ApiCrs.CRS84, 40, 20_000);
    }

    private static InvalidQueryException refusal(String json) {
        return refusal(json, 40, 20_000);
    }

    private static InvalidQueryException refusal(String json, int maxDepth, int maxLength) {
        try {
            Cql2Json.parse(json, ApiCrs.CRS84, maxDepth, maxLength);
        } catch (InvalidQueryException e) {
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }
}
