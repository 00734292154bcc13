package org.changchun.layout.shapefile;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import org.changchun.layout.feature.FieldType;

/**
 * What the fields of a .dbf become when read: the {@link FieldType} of each dBase type, a unique
 * name for each field, and each value parsed from its bytes, by the rules stated on
 * {@link ShapefileSource}. An instance serves one pass over the records and counts the values it
 * could not parse (blanks and the null markers writers use are not counted: they are how
 * shapefiles store nulls).
 */
final class DbfValues {

    private final Charset charset;
    private int unreadable;

    DbfValues(Charset charset) {
        this.charset = charset;
    }

    /** Values that could not be parsed and became null, so far. */
    int unreadable() {
        return unreadable;
    }

    /**
     * The value of a field of type {@code type} whose bytes start at {@code bytes[start]}: null
     * when blank, a null marker, or (counted) unparseable.
     */
    Object value(FieldType type, DbfFile.Field field, byte[] bytes, int start) {
        int length = field.length();
        int end = start + length;
        int from = start;
        int to = end;
        while (from < to && (bytes[from] == ' ' || bytes[from] == 0)) {
            from++;
        }
        while (to > from && (bytes[to - 1] == ' ' || bytes[to - 1] == 0)) {
            to--;
        }
        if (from == to) {
            return null;
        }
        switch (type) {
            case STRING:
                return text(bytes, from, to, to == end);
            case INTEGER:
                return integer(bytes, from, to);
            case NUMBER:
                return number(bytes, from, to);
            case BOOLEAN:
                return logical(bytes[from]);
            case DATE:
                return date(bytes, from, to);
            default:
                throw new IllegalStateException(type.toString());
        }
    }

    private String text(byte[] bytes, int from, int to, boolean full) {
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
        String text = new String(bytes, from, to - from, charset);
        if (full) {
            // writers cut text to the field width by bytes, which can split the last character
            int keep = text.length();
            while (keep > 0 && text.charAt(keep - 1) == '\uFFFD') {
                keep--;
            }
            text = text.substring(0, keep).stripTrailing();
        }
        return text.isEmpty() ? null : text;
    }

    private Long integer(byte[] bytes, int from, int to) {
        if (allStars(bytes, from, to)) {
            return null;
        }
        int i = from;
        boolean negative = false;
        if (bytes[i] == '-' || bytes[i] == '+') {
            negative = bytes[i] == '-';
            i++;
        }
        if (i < to && to - i <= 18) {
            long value = 0;
            boolean digits = true;
            for (int k = i; k < to; k++) {
                int d = bytes[k] - '0';
                if (d < 0 || d > 9) {
                    digits = false;
                    break;
                }
                value = value * 10 + d;
            }
            if (digits) {
                return negative ? -value : value;
            }
        }
        Double asNumber = parseDouble(bytes, from, to);
        if (asNumber != null && asNumber == Math.rint(asNumber) && Math.abs(asNumber) < 9.0e18) {
            return asNumber.longValue();
        }
        unreadable++;
        return null;
    }

    private Double number(byte[] bytes, int from, int to) {
        if (allStars(bytes, from, to)) {
            return null;
        }
        Double value = parseDouble(bytes, from, to);
        if (value == null) {
            unreadable++;
        }
        return value;
    }

    private static Double parseDouble(byte[] bytes, int from, int to) {
        String text = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1).strip();
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            if (text.indexOf(',') >= 0 && text.indexOf('.') < 0) {
                try {
                    double value = Double.parseDouble(text.replace(',', '.'));
                    return Double.isFinite(value) ? value : null;
                } catch (NumberFormatException again) {
                    return null;
                }
            }
            return null;
        }
    }

    private Boolean logical(byte b) {
        switch (b) {
            case 'T': case 't': case 'Y': case 'y':
                return Boolean.TRUE;
            case 'F': case 'f': case 'N': case 'n':
                return Boolean.FALSE;
            case '?':
                return null;
            default:
                unreadable++;
                return null;
        }
    }

    private LocalDate date(byte[] bytes, int from, int to) {
        boolean zeros = true;
        for (int i = from; i < to; i++) {
            if (bytes[i] != '0') {
                zeros = false;
                break;
            }
        }
        if (zeros) {
            return null;
        }
        if (to - from == 8) {
            int[] digits = new int[8];
            boolean ok = true;
            for (int i = 0; i < 8; i++) {
                digits[i] = bytes[from + i] - '0';
                ok &= digits[i] >= 0 && digits[i] <= 9;
            }
            if (ok) {
                try {
                    return LocalDate.of(digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3],
                            digits[4] * 10 + digits[5], digits[6] * 10 + digits[7]);
                } catch (DateTimeException e) {
                    // falls through to unreadable
                }
            }
        }
        unreadable++;
        return null;
    }

    private static boolean allStars(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != '*') {
                return false;
            }
        }
        return true;
    }

    /** The type a dBase field is read as, or null for types that are left out (memo, binary, …). */
    static FieldType typeOf(DbfFile.Field field) {
        switch (field.type()) {
            case 'C':
                return FieldType.STRING;
            case 'N':
                return field.decimals() == 0 && field.length() <= 18 ? FieldType.INTEGER : FieldType.NUMBER;
            case 'F':
                return FieldType.NUMBER;
            case 'L':
                return FieldType.BOOLEAN;
            case 'D':
                return FieldType.DATE;
            default:
                return null;
        }
    }
}
