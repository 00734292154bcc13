package org.changchun.layout.geo;

/**
 * Writes coordinates as plain decimal text with a fixed maximum of decimals and no trailing
 * zeros ("125.3245", never "1.253245E2"), which is what GeoJSON readers expect and keeps
 * responses small. Into a caller's buffer, not a new string: a page of items writes a few
 * hundred thousand of them.
 */
final class CoordinateFormat {

    /** Room for any coordinate this writes: a sign, 19 digits, a point, 8 decimals, or a double's own text. */
    static final int MAX_LENGTH = 32;

    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private CoordinateFormat() {
    }

    /**
     * @param decimals 0 to 8
     * @param text     where the text goes, from its start; at least {@link #MAX_LENGTH} long
     * @return the text's length
     */
    static int format(double value, int decimals, char[] text) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("coordinate is not a finite number: " + value);
        }
        long scale = POWERS[decimals];
        double scaled = Math.abs(value) * scale;
        if (scaled >= 9.0e18) {
            String plain = Double.toString(value);
            plain.getChars(0, plain.length(), text, 0);
            return plain.length();
        }
        long units = Math.round(scaled);
        long whole = units / scale;
        long fraction = units % scale;
        int length = 0;
        if (value < 0 && units != 0) {
            text[length++] = '-';
        }
        length = digits(whole, text, length);
        if (fraction != 0) {
            text[length++] = '.';
            int end = length + decimals;
            for (int i = end - 1; i >= length; i--) {
                text[i] = (char) ('0' + fraction % 10);
                fraction /= 10;
            }
            while (text[end - 1] == '0') {
                end--;
            }
            length = end;
        }
        return length;
    }

    /** A non-negative number's digits at {@code start}; returns where they end. */
    private static int digits(long number, char[] text, int start) {
        int count = 1;
        for (long rest = number / 10; rest != 0; rest /= 10) {
            count++;
        }
        for (int i = start + count - 1; i >= start; i--) {
            text[i] = (char) ('0' + number % 10);
            number /= 10;
        }
        return start + count;
    }
}
