package org.changchun.layout.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.changchun.layout.query.InvalidQueryException;
import org.junit.jupiter.api.Test;

class NumberParameterTest {

    private static final NumberParameter<Double> DISTANCE =
            NumberParameter.decimal("distance", 0, 100_000).in("米", "metres");
    private static final NumberParameter<Integer> LIMIT = NumberParameter.integer("limit", 1, 10_000);
    private static final NumberParameter<Long> OFFSET = NumberParameter.wholeNumber("offset", 0, Long.MAX_VALUE);

    @Test
    void readsPlainDecimalNumbersWithinTheRange() {
        assertThat(DISTANCE.given("2000")).contains(2000.0);
        assertThat(DISTANCE.given(" 2.5e3 ")).contains(2500.0);
        assertThat(DISTANCE.given("+.5")).contains(0.5);
        assertThat(DISTANCE.given("0")).contains(0.0);
        assertThat(DISTANCE.given("100000.0")).contains(100_000.0);
        assertThat(DISTANCE.given(null)).isEmpty();
        assertThat(DISTANCE.given(" ")).isEmpty();
        assertThat(DISTANCE.parse(null, 25.0)).isEqualTo(25.0);
        assertThat(LIMIT.parse("10000", 10)).isEqualTo(10_000);
        assertThat(OFFSET.require("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void refusesWhatIsNotAPlainNumberOrIsOutOfRangeNamingTheParameterTheValueAndTheRange() {
        for (String text : List.of("NaN", "nan", "Infinity", "-Infinity", "1e309", "100000.0001", "-0.1", "0x10",
                "1_000", "١٢", "12abc", "1e99999", "", "2000d", "2000f")) {
            assertThatThrownBy(() -> DISTANCE.require(text)).as(text).isInstanceOf(InvalidQueryException.class);
        }
        InvalidQueryException nan = refusal(() -> DISTANCE.given("NaN"));
        assertThat(nan.messageZh()).isEqualTo("参数“distance”应为 0 到 100000 之间的数（米）：NaN");
        assertThat(nan.messageEn()).isEqualTo("parameter 'distance' must be a number from 0 to 100000 (metres), got 'NaN'");
        assertThat(refusal(() -> LIMIT.given("2.5")).messageEn())
                .isEqualTo("parameter 'limit' must be a whole number from 1 to 10000, got '2.5'");
        assertThat(refusal(() -> LIMIT.given("99999999999999999999")).messageEn()).contains("from 1 to 10000");
        assertThat(refusal(() -> NumberParameter.anyDecimal("area_km2").require("Infinity")).messageEn())
                .isEqualTo("parameter 'area_km2' must be a finite number, got 'Infinity'");
        assertThat(refusal(() -> DISTANCE.given("9".repeat(100))).messageEn()).endsWith("got '" + "9".repeat(40) + "…'");
    }

    @Test
    void aMissingRequiredParameterIsNamedWithItsRange() {
        assertThat(refusal(() -> NumberParameter.decimal("lon", -180, 180).require(null)).messageEn())
                .isEqualTo("parameter 'lon' is required: a number from -180 to 180");
        assertThat(NumberParameter.decimal("lat", -90, 90).given("-90")).isEqualTo(Optional.of(-90.0));
    }

    private static InvalidQueryException refusal(Runnable parse) {
        try {
            parse.run();
        } catch (InvalidQueryException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }
}
