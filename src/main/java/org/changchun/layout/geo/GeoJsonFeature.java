package org.changchun.layout.geo;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import org.changchun.layout.feature.Feature;
import org.locationtech.jts.geom.Geometry;

/** An RFC 7946 GeoJSON Feature as the API writes it. */
@JsonPropertyOrder({"type", "id", "properties", "geometry"})
public record GeoJsonFeature(String type, String id, Map<String, Object> properties, Geometry geometry) {

    public static GeoJsonFeature of(Feature feature) {
        return new GeoJsonFeature("Feature", feature.id(), feature.properties(), feature.geometry());
    }
}
