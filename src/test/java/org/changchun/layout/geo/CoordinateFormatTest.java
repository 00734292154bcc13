package org.changchun.layout.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CoordinateFormatTest {

    private static String format(double value, int decimals) {
        char[] text = new char[CoordinateFormat.MAX_LENGTH];
        return new String(text, 0, CoordinateFormat.format(value, decimals, text));
    }

    @Test
    void writesPlainDecimalsWithoutTrailingZeros() {
        assertThat(format(125.3245, 7)).isEqualTo("125.3245");
        assertThat(format(43.0, 7)).isEqualTo("43");
        assertThat(format(-0.5, 7)).isEqualTo("-0.5");
        assertThat(format(0.0000001, 7)).isEqualTo("0.0000001");
        assertThat(format(0.00000004, 7)).as("rounds to zero, no sign").isEqualTo("0");
        assertThat(format(-0.00000004, 7)).isEqualTo("0");
        assertThat(format(13_950_000.126, 2)).isEqualTo("13950000.13");
        assertThat(format(2.5, 0)).isEqualTo("3");
        assertThat(format(1.0e300, 7)).as("too big for the fixed form").isEqualTo("1.0E300");
        assertThatThrownBy(() -> format(Double.NaN, 7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundsAsDecimalArithmeticDoesOnTheDoubleItWasGiven() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double value = switch (i % 3) {
                case 0 -> (random.nextDouble() - 0.5) * 360;
                case 1 -> (random.nextDouble() - 0.5) * 4.0e7;
                default -> Math.round(random.nextDouble() * 1e6) / 1e4;
            };
            int decimals = i % 9;
            // the same computation through exact decimals: |value| * 10^decimals, half up, back
            BigDecimal scaled = new BigDecimal(Math.abs(value) * Math.pow(10, decimals))
                    .setScale(0, RoundingMode.HALF_UP);
            BigDecimal expected = scaled.movePointLeft(decimals).stripTrailingZeros();
            String text = (value < 0 && scaled.signum() != 0 ? "-" : "")
                    + (expected.signum() == 0 ? "0" : expected.toPlainString());
            assertThat(format(value, decimals)).as("%s to %d decimals", value, decimals).isEqualTo(text);
        }
    }
}
