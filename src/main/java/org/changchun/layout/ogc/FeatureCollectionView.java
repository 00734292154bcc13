package org.changchun.layout.ogc;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.changchun.layout.geo.GeoJsonFeature;

/** A page of items: a GeoJSON FeatureCollection with the members OGC API - Features adds. */
@JsonPropertyOrder({"type", "numberMatched", "numberReturned", "timeStamp", "links", "features"})
record FeatureCollectionView(
        String type,
        List<GeoJsonFeature> features,
        @JsonProperty("numberMatched") long numberMatched,
        @JsonProperty("numberReturned") int numberReturned,
        @JsonProperty("timeStamp") Instant timeStamp,
        List<Link> links) {
}
