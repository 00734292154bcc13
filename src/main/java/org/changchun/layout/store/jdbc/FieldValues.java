package org.changchun.layout.store.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.StoredProperties;

/**
 * Converts attribute values between Java and JDBC for each field type. Values are checked
 * before anything is written, so a value that does not fit its field fails the whole write
 * with a message naming the field.
 */
final class FieldValues {

    private FieldValues() {
    }

    /**
     * The value in the Java type the field's type stores: String, Long, Double, Boolean or
     * LocalDate; {@code null} stays null.
     *
     * @throws IllegalArgumentException if the value cannot be that type
     */
    static Object coerce(FieldSpec field, Object value) {
        if (value == null) {
            return null;
        }
        return switch (field.type()) {
            case STRING -> value.toString();
            case INTEGER -> integer(field, value);
            case NUMBER -> number(field, value);
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                throw mismatch(field, value);
            }
            case DATE -> date(field, value);
        };
    }

    static void bind(PreparedStatement statement, int index, FieldSpec field, Object coerced)
            throws SQLException {
        if (coerced == null) {
            statement.setNull(index, switch (field.type()) {
                case STRING -> Types.VARCHAR;
                case INTEGER -> Types.BIGINT;
                case NUMBER -> Types.DOUBLE;
                case BOOLEAN -> Types.BOOLEAN;
                case DATE -> Types.DATE;
            });
            return;
        }
        switch (field.type()) {
            case STRING -> statement.setString(index, (String) coerced);
            case INTEGER -> statement.setLong(index, (Long) coerced);
            case NUMBER -> statement.setDouble(index, (Double) coerced);
            case BOOLEAN -> statement.setBoolean(index, (Boolean) coerced);
            case DATE -> statement.setObject(index, coerced);
        }
    }

    static Object read(ResultSet rows, int index, FieldSpec field) throws SQLException {
        return read(rows, index, field, false);
    }

    /**
     * @param textAsUtf8 whether a text value is read as its UTF-8 bytes, undecoded (see
     *                   {@link SpatialDialect#textAsUtf8Bytes()} and {@link StoredProperties})
     */
    static Object read(ResultSet rows, int index, FieldSpec field, boolean textAsUtf8) throws SQLException {
        Object value = switch (field.type()) {
            case STRING -> textAsUtf8 ? rows.getBytes(index) : rows.getString(index);
            case INTEGER -> rows.getLong(index);
            case NUMBER -> rows.getDouble(index);
            case BOOLEAN -> rows.getBoolean(index);
            case DATE -> rows.getObject(index, LocalDate.class);
        };
        return rows.wasNull() ? null : value;
    }

    private static Long integer(FieldSpec field, Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        if (value instanceof BigDecimal decimal) {
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException e) {
                throw mismatch(field, value);
            }
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p53) {
            return d.longValue();
        }
        throw mismatch(field, value);
    }

    private static Double number(FieldSpec field, Object value) {
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (Double.isFinite(d)) {
                return d;
            }
        }
        throw mismatch(field, value);
    }

    private static LocalDate date(FieldSpec field, Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw mismatch(field, value);
            }
        }
        throw mismatch(field, value);
    }

    private static IllegalArgumentException mismatch(FieldSpec field, Object value) {
        return new IllegalArgumentException("field \"" + field.name() + "\" is " + field.type().code()
                + " but the value is " + describe(value));
    }

    private static String describe(Object value) {
        String text = value.toString();
        if (text.length() > 40) {
            text = text.substring(0, 40) + "…";
        }
        return value instanceof String ? "the text \"" + text + "\"" : text;
    }
}
