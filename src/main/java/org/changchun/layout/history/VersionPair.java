package org.changchun.layout.history;

import java.util.List;
import java.util.Optional;
import org.changchun.layout.feature.FieldSpec;

/**
 * Two kept versions of a layer to compare, with their fields, and how their features are matched.
 *
 * @param key a field both versions have, whose values match features (unique in each); empty:
 *            features are matched by id
 */
public record VersionPair(String layerId, long from, List<FieldSpec> fieldsFrom, long to, List<FieldSpec> fieldsTo,
                          Optional<String> key) {

    public VersionPair {
        fieldsFrom = List.copyOf(fieldsFrom);
        fieldsTo = List.copyOf(fieldsTo);
    }
}
