package org.changchun.layout.http;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.changchun.layout.query.InvalidQueryException;

/**
 * A numeric request parameter (query, form field or path segment): its name, whether it must be a
 * whole number, and the range it must lie in. Every number a request carries is read here, before
 * anything is done with it: the text must be a plain decimal number in ASCII digits (an optional
 * sign, point and exponent; whole numbers neither point nor exponent), so {@code NaN},
 * {@code Infinity}, hexadecimal and other scripts' digits are refused, and it must lie within the
 * range; anything else is an {@link InvalidQueryException} (a 400) naming the parameter, the value
 * and the range. Immutable, so endpoints hold one in a constant.
 *
 * @param <N> what the value becomes: {@link Double}, {@link Long} or {@link Integer}
 */
public final class NumberParameter<N extends Number> {

    // the exponent's four digits at most keep BigDecimal within the scale it can hold; \d is ASCII only
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");
    /** Longer values are abbreviated in messages: they are echoed to whoever sent them, and may be long. */
    private static final int SHOWN_CHARACTERS = 40;

    private final String name;
    private final boolean whole;
    private final BigDecimal min;
    private final BigDecimal max;
    /** Whether messages state the range: one that takes any value of its type states only the type. */
    private final boolean rangeStated;
    private final String unitZh;
    private final String unitEn;
    private final Function<BigDecimal, N> convert;

    private NumberParameter(String name, boolean whole, BigDecimal min, BigDecimal max, boolean rangeStated,
                            String unitZh, String unitEn, Function<BigDecimal, N> convert) {
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("parameter " + name + ": min " + min + " is above max " + max);
        }
        this.name = name;
        this.whole = whole;
        this.min = min;
        this.max = max;
        this.rangeStated = rangeStated;
        this.unitZh = unitZh;
        this.unitEn = unitEn;
        this.convert = convert;
    }

    /** A number with a fraction allowed, from {@code min} to {@code max} inclusive. */
    public static NumberParameter<Double> decimal(String name, double min, double max) {
        return new NumberParameter<>(name, false, BigDecimal.valueOf(min), BigDecimal.valueOf(max), true, null, null,
                BigDecimal::doubleValue);
    }

    /** Any finite number: for values compared with data, such as a queryable's, which have no range of their own. */
    public static NumberParameter<Double> anyDecimal(String name) {
        return new NumberParameter<>(name, false, BigDecimal.valueOf(-Double.MAX_VALUE),
                BigDecimal.valueOf(Double.MAX_VALUE), false, null, null, BigDecimal::doubleValue);
    }

    /** A whole number from {@code min} to {@code max} inclusive. */
    public static NumberParameter<Long> wholeNumber(String name, long min, long max) {
        return new NumberParameter<>(name, true, BigDecimal.valueOf(min), BigDecimal.valueOf(max),
                min != Long.MIN_VALUE || max != Long.MAX_VALUE, null, null, BigDecimal::longValueExact);
    }

    /** A whole number from {@code min} to {@code max} inclusive, as an int. */
    public static NumberParameter<Integer> integer(String name, int min, int max) {
        return new NumberParameter<>(name, true, BigDecimal.valueOf(min), BigDecimal.valueOf(max), true, null, null,
                BigDecimal::intValueExact);
    }

    /** The same parameter, its range shown with the unit its numbers are in (e.g. 米, metres). */
    public NumberParameter<N> in(String zh, String en) {
        return new NumberParameter<>(name, whole, min, max, rangeStated, zh, en, convert);
    }

    /** The value, or empty when the parameter is absent or blank. */
    public Optional<N> given(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(value(text));
    }

    /** The value, or {@code fallback} when the parameter is absent or blank. */
    public N parse(String text, N fallback) {
        return given(text).orElse(fallback);
    }

    /** The value of a parameter the request must carry; present but blank is refused as not a number. */
    public N require(String text) {
        if (text == null) {
            throw new InvalidQueryException("缺少参数“" + name + "”（" + rangeZh().trim() + "）",
                    "parameter '" + name + "' is required: " + rangeEn());
        }
        return value(text);
    }

    private N value(String text) {
        String trimmed = text.trim();
        if (!(whole ? WHOLE : DECIMAL).matcher(trimmed).matches()) {
            throw refused(text);
        }
        BigDecimal value = new BigDecimal(trimmed);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw refused(text);
        }
        return convert.apply(value);
    }

    private InvalidQueryException refused(String text) {
        String shown = text.length() > SHOWN_CHARACTERS ? text.substring(0, SHOWN_CHARACTERS) + "…" : text;
        return new InvalidQueryException("参数“" + name + "”应为" + rangeZh() + "：" + shown,
                "parameter '" + name + "' must be " + rangeEn() + ", got '" + shown + "'");
    }

    private String rangeZh() {
        String kind = whole ? "整数" : "数";
        String range = rangeStated ? " " + plain(min) + " 到 " + plain(max) + " 之间的" + kind : (whole ? kind : "有限的数");
        return range + (unitZh == null ? "" : "（" + unitZh + "）");
    }

    private String rangeEn() {
        String kind = whole ? "a whole number" : "a number";
        String range = rangeStated ? kind + " from " + plain(min) + " to " + plain(max) : (whole ? kind : "a finite number");
        return range + (unitEn == null ? "" : " (" + unitEn + ")");
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
