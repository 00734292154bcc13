package org.changchun.layout.formats;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.changchun.layout.feature.FieldNames;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;

/**
 * The fields of a format without declared types (GeoJSON properties, CSV columns), inferred from
 * every value of a first pass: all booleans → boolean; all whole numbers → integer; numbers →
 * number; all dates (2023-05-01 or 2023/05/01) → date; anything else, or a mix → string. Text is
 * read as a number only in a CSV (GeoJSON says what is text), and never when it has a leading zero
 * ("007", a code, stays text). The second pass converts each value to its field's type.
 */
final class InferredFields {

    private static final Pattern WHOLE = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}[-/][0-9]{2}[-/][0-9]{2}");

    private final boolean textMayBeTyped;
    /** The file's names, in order of first appearance, and the type seen so far (null: only empty values). */
    private final Map<String, FieldType> seen = new LinkedHashMap<>();
    private final Map<String, FieldType> declared = new LinkedHashMap<>();
    private Map<String, FieldSpec> fields;
    private long unreadable;

    /** @param textMayBeTyped whether text may hold numbers, booleans and dates (CSV), or is text (GeoJSON) */
    InferredFields(boolean textMayBeTyped) {
        this.textMayBeTyped = textMayBeTyped;
    }

    /** A type the file states (a CSV's .csvt), which wins over what the values suggest. */
    void declare(String name, FieldType type) {
        declared.put(name, type);
    }

    /** Notes the name and one value of a first pass: null, Boolean, Long, Double or String. */
    void observe(String name, Object value) {
        FieldType kind = kindOf(value);
        if (!seen.containsKey(name)) {
            seen.put(name, kind);
        } else if (kind != null) {
            FieldType before = seen.get(name);
            seen.put(name, before == null || before == kind ? kind : merged(before, kind));
        }
    }

    /** The fields, once the first pass is over: unique names a layer can hold, in the file's order. */
    List<FieldSpec> fields() {
        if (fields == null) {
            fields = new LinkedHashMap<>();
            Set<String> taken = new HashSet<>();
            int position = 0;
            for (Map.Entry<String, FieldType> field : seen.entrySet()) {
                FieldType type = Optional.ofNullable(declared.get(field.getKey())).or(() -> Optional.ofNullable(
                        field.getValue())).orElse(FieldType.STRING);
                fields.put(field.getKey(), new FieldSpec(FieldNames.unique(field.getKey(), position++, taken), type,
                        null, null));
            }
        }
        return new ArrayList<>(fields.values());
    }

    /** The values of one record of the second pass, converted, by field name; missing ones are null. */
    Map<String, Object> values(Map<String, Object> raw) {
        fields();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, FieldSpec> field : fields.entrySet()) {
            values.put(field.getValue().name(), convert(raw.get(field.getKey()), field.getValue().type()));
        }
        return values;
    }

    long unreadable() {
        return unreadable;
    }

    void resetUnreadable() {
        unreadable = 0;
    }

    private FieldType kindOf(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean) {
            return FieldType.BOOLEAN;
        }
        if (value instanceof Long) {
            return FieldType.INTEGER;
        }
        if (value instanceof Number) {
            return FieldType.NUMBER;
        }
        String text = value.toString().strip();
        if (text.isEmpty()) {
            return null;
        }
        if (date(text).isPresent()) {
            return FieldType.DATE;
        }
        if (!textMayBeTyped) {
            return FieldType.STRING;
        }
        if (WHOLE.matcher(text).matches()) {
            return FieldType.INTEGER;
        }
        if (DECIMAL.matcher(text).matches()) {
            return FieldType.NUMBER;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.equals("true") || lower.equals("false") ? FieldType.BOOLEAN : FieldType.STRING;
    }

    private static FieldType merged(FieldType a, FieldType b) {
        boolean numbers = (a == FieldType.INTEGER || a == FieldType.NUMBER) && (b == FieldType.INTEGER || b == FieldType.NUMBER);
        return numbers ? FieldType.NUMBER : FieldType.STRING;
    }

    private Object convert(Object raw, FieldType type) {
        if (raw == null || (raw instanceof String text && text.isBlank() && type != FieldType.STRING)) {
            return null;
        }
        String text = raw.toString().strip();
        try {
            return switch (type) {
                case STRING -> raw instanceof String s ? s : text;
                case INTEGER -> raw instanceof Number n ? Long.valueOf(n.longValue()) : Long.valueOf(text);
                case NUMBER -> raw instanceof Number n ? Double.valueOf(n.doubleValue()) : Double.valueOf(text);
                case BOOLEAN -> raw instanceof Boolean b ? b : booleanOf(text);
                case DATE -> date(text).orElseThrow(() -> new IllegalArgumentException(text));
            };
        } catch (IllegalArgumentException e) {
            unreadable++;
            return null;
        }
    }

    private static Boolean booleanOf(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
            throw new IllegalArgumentException(text);
        }
        return Boolean.valueOf(lower);
    }

    private static Optional<LocalDate> date(String text) {
        if (!DATE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.replace('/', '-')));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
