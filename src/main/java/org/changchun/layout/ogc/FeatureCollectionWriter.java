package org.changchun.layout.ogc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.geo.GeoJsonFeature;
import org.changchun.layout.geo.GeoJsonFeatureWriter;
import org.changchun.layout.feature.Feature;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a page of items as a GeoJSON FeatureCollection with the members OGC API - Features adds,
 * straight into a JSON generator.
 */
final class FeatureCollectionWriter {

    /** What {@link #write} writes, as the OpenAPI document describes it; the writer never builds one. */
    @Schema(name = "FeatureCollection", description = "GeoJSON FeatureCollection (RFC 7946) with the members of "
            + "OGC API - Features")
    record FeatureCollection(
            @Schema(allowableValues = "FeatureCollection") String type,
            @JsonProperty("numberMatched") long numberMatched,
            @JsonProperty("numberReturned") int numberReturned,
            @JsonProperty("timeStamp") @Schema(format = "date-time") String timeStamp,
            List<Link> links,
            List<GeoJsonFeature> features) {
    }

    private FeatureCollectionWriter() {
    }

    static byte[] write(JsonMapper json, List<Feature> features, ApiCrs crs, Optional<List<String>> properties,
                        long numberMatched, List<Link> links) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, features.size() * 512));
        try (JsonGenerator out = json.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringProperty("type", "FeatureCollection");
            out.writeNumberProperty("numberMatched", numberMatched);
            out.writeNumberProperty("numberReturned", features.size());
            out.writeStringProperty("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            out.writeArrayPropertyStart("links");
            for (Link link : links) {
                out.writeStartObject();
                out.writeStringProperty("href", link.href());
                out.writeStringProperty("rel", link.rel());
                out.writeStringProperty("type", link.type());
                out.writeStringProperty("title", link.title());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeArrayPropertyStart("features");
            GeoJsonFeatureWriter featureWriter = new GeoJsonFeatureWriter(out, properties.orElse(null));
            for (Feature feature : features) {
                Geometry geometry = crs == ApiCrs.CRS84 ? feature.geometry() : crs.fromWgs84(feature.geometry());
                featureWriter.write(feature, geometry);
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }
}
