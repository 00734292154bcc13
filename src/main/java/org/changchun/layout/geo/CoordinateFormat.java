package org.changchun.layout.geo;

/**
 * Writes coordinates as plain decimal text with a fixed maximum of decimals and no trailing
 * zeros ("125.3245", never "1.253245E2"), which is what GeoJSON readers expect and keeps
 * responses small.
 */
final class CoordinateFormat {

    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private CoordinateFormat() {
    }

    /**
     * @param decimals 0 to 8
     */
    static String format(double value, int decimals) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("coordinate is not a finite number: " + value);
        }
        long scale = POWERS[decimals];
        double scaled = Math.abs(value) * scale;
        if (scaled >= 9.0e18) {
            return Double.toString(value);
        }
        long units = Math.round(scaled);
        long whole = units / scale;
        long fraction = units % scale;
        StringBuilder text = new StringBuilder(24);
        if (value < 0 && units != 0) {
            text.append('-');
        }
        text.append(whole);
        if (fraction != 0) {
            String digits = Long.toString(fraction);
            text.append('.');
            for (int i = digits.length(); i < decimals; i++) {
                text.append('0');
            }
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            text.append(digits, 0, end);
        }
        return text.toString();
    }
}
