package org.changchun.layout.ogc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature as OGC API - Features writes it: a GeoJSON Feature, geometry before properties,
 * with its links when it is read ({@code /items/{featureId}}), without them when it answers its
 * creation. {@code properties} is a map: its member names are the layer's field names.
 */
@JsonPropertyOrder({"type", "id", "geometry", "properties", "links"})
record ItemView(
        String type,
        String id,
        Geometry geometry,
        Map<String, Object> properties,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> links) {

    static ItemView of(String id, Geometry geometry, Map<String, Object> properties, List<Link> links) {
        return new ItemView("Feature", id, geometry, properties, links);
    }
}
