package org.changchun.layout.feature;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The attribute types a layer field can have; each store maps them to a column type. */
public enum FieldType {
    STRING, INTEGER, NUMBER, BOOLEAN, DATE;

    /** The lower-case name used in manifests and API answers ("string", "integer", ...). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FieldType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
    }
}
