package org.changchun.layout.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as the texts of this package show them: at most two decimals, no trailing zeros. */
final class Figures {

    private Figures() {
    }

    static String format(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Rounded as {@link #format} shows it, for numbers in answers. */
    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
