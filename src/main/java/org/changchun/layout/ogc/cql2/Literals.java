package org.changchun.layout.ogc.cql2;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;
import org.changchun.layout.ogc.cql2.Cql2Parser.NumericLiteralContext;

/** Reads the values of CQL2 literal tokens, refusing those that are well formed but not valid. */
final class Literals {

    // The BNF's fullDate and fullDate "T" utcTime; java.time alone would also take other forms.
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

    static final String DATE_ZH = "日期无效：应为 'YYYY-MM-DD' 形式的有效日期，例如 '2021-12-28'";
    static final String DATE_EN = "invalid date: expected a valid 'YYYY-MM-DD', e.g. '2021-12-28'";
    static final String TIMESTAMP_ZH = "时间戳无效：应为 UTC 时间，例如 '2021-12-28T10:00:00Z'";
    static final String TIMESTAMP_EN = "invalid timestamp: expected a UTC time such as '2021-12-28T10:00:00Z'";

    private Literals() {
    }

    /** A character literal without its quotes, {@code ''} read as one quote. */
    static String string(Token literal) {
        String text = literal.getText();
        return text.substring(1, text.length() - 1).replace("''", "'");
    }

    /** A double-quoted property name without its quotes, {@code ""} read as one quote. */
    static String quotedName(Token name) {
        String text = name.getText();
        return text.substring(1, text.length() - 1).replace("\"\"", "\"");
    }

    /** A Long if written without a point or exponent, else a Double; refused if out of range. */
    static Number number(NumericLiteralContext literal) {
        String text = literal.getText();
        try {
            if (text.chars().noneMatch(c -> c == '.' || c == 'e' || c == 'E')) {
                return Long.parseLong(text);
            }
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // an integer with too many digits for a long: refused below like an infinite double
        }
        throw Cql2Errors.at(literal.getStart(), "数字超出范围：" + text, "number out of range: " + text);
    }

    static LocalDate date(Token literal) {
        return date(string(literal)).orElseThrow(() -> Cql2Errors.at(literal, DATE_ZH, DATE_EN));
    }

    static Instant timestamp(Token literal) {
        return timestamp(string(literal)).orElseThrow(() -> Cql2Errors.at(literal, TIMESTAMP_ZH, TIMESTAMP_EN));
    }

    /** A date in the BNF's form, e.g. 2021-12-28; empty if the text is not one. */
    static Optional<LocalDate> date(String text) {
        return temporal(text, DATE, LocalDate::parse);
    }

    /** A UTC timestamp in the BNF's form, e.g. 2021-12-28T10:00:00Z; empty if the text is not one. */
    static Optional<Instant> timestamp(String text) {
        return temporal(text, TIMESTAMP, Instant::parse);
    }

    private static <T> Optional<T> temporal(String text, Pattern form, Function<String, T> parse) {
        if (form.matcher(text).matches()) {
            try {
                return Optional.of(parse.apply(text));
            } catch (DateTimeParseException e) {
                // right form, impossible value (2021-13-45): refused by the caller with the form
            }
        }
        return Optional.empty();
    }
}
