package org.changchun.layout.feature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature: its id (unique in its layer), its attribute values by field name, in the
 * layer's field order, and its geometry in WGS84 lon/lat.
 */
public record Feature(String id, Map<String, Object> properties, Geometry geometry) {

    public Feature {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(geometry, "geometry");
        if (!(properties instanceof StoredProperties)) {
            properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        }
    }

    /** A text attribute, or {@code null} when it is absent. */
    public String text(String field) {
        Object value = properties.get(field);
        return value == null ? null : value.toString();
    }
}
