package org.changchun.layout.ogc;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;

/**
 * The unit of a measured field, in UCUM (as OGC API - Features Part 5 asks), read from the
 * naming convention of the plan's layers: a number field with a word {@code km2}, {@code km},
 * {@code m2}, {@code m} or {@code ha} between its underscores is measured in that unit
 * ({@code area_km2}, {@code width_km}, {@code area_km2_published}). Fields without such a word
 * have no known unit and are not guessed at.
 */
final class FieldUnits {

    private static final Map<String, String> UCUM_BY_WORD = Map.of(
            "km2", "km2",
            "km", "km",
            "m2", "m2",
            "m", "m",
            "ha", "har");

    private FieldUnits() {
    }

    static Optional<String> of(FieldSpec field) {
        if (field.type() != FieldType.NUMBER && field.type() != FieldType.INTEGER) {
            return Optional.empty();
        }
        return Arrays.stream(field.name().split("_")).skip(1)
                .map(UCUM_BY_WORD::get)
                .filter(unit -> unit != null)
                .findFirst();
    }
}
