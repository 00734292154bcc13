package org.changchun.layout.store;

import java.util.Objects;

/**
 * One attribute of a layer: its name as users see it (any text, Chinese included), its type
 * and its titles. Stores never use {@code name} as an SQL identifier: columns are named by
 * position, so a user's field name can never reach SQL text.
 */
public record FieldSpec(String name, FieldType type, String titleZh, String titleEn) {

    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
