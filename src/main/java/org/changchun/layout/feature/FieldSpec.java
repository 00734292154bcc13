package org.changchun.layout.feature;

import java.util.Objects;

/**
 * One attribute of a layer: its name as users see it (any text, Chinese included), its type
 * and its titles. Stores never use {@code name} as an SQL identifier: columns are named by
 * position, so a user's field name can never reach SQL text.
 */
public record FieldSpec(String name, FieldType type, String titleZh, String titleEn) {

    /** PostgreSQL's identifier limit: vector tiles name their attributes after fields. */
    public static final int MAX_NAME_BYTES = 63;

    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        int bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (name.isBlank() || bytes > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("field name must have 1 to " + MAX_NAME_BYTES
                    + " bytes in UTF-8 (about 21 Chinese characters): \"" + name + "\"");
        }
    }
}
