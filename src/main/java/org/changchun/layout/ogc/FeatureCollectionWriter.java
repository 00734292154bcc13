package org.changchun.layout.ogc;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.geo.GeoJsonGeometryWriter;
import org.changchun.layout.geo.GeometryJsonModule;
import org.changchun.layout.store.Feature;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a page of items as a GeoJSON FeatureCollection straight into a JSON generator, value
 * by value: pages hold up to 10,000 features, and going through maps and bean serializers for
 * each of them cost several times the database's own time.
 */
final class FeatureCollectionWriter {

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
            for (Feature feature : features) {
                feature(out, feature, crs, properties);
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static void feature(JsonGenerator out, Feature feature, ApiCrs crs, Optional<List<String>> selected) {
        out.writeStartObject();
        out.writeStringProperty("type", "Feature");
        out.writeStringProperty("id", feature.id());
        out.writeObjectPropertyStart("properties");
        if (selected.isPresent()) {
            for (String name : selected.get()) {
                out.writeName(name);
                value(out, feature.properties().get(name));
            }
        } else {
            for (Map.Entry<String, Object> property : feature.properties().entrySet()) {
                out.writeName(property.getKey());
                value(out, property.getValue());
            }
        }
        out.writeEndObject();
        out.writeName("geometry");
        Geometry geometry = crs == ApiCrs.CRS84 ? feature.geometry() : crs.fromWgs84(feature.geometry());
        GeoJsonGeometryWriter.write(geometry, out, GeometryJsonModule.decimalsFor(geometry));
        out.writeEndObject();
    }

    private static void value(JsonGenerator out, Object value) {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Long number) {
            out.writeNumber(number);
        } else if (value instanceof Double number) {
            out.writeNumber(number);
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value instanceof LocalDate date) {
            out.writeString(date.toString());
        } else {
            out.writeString(value.toString());
        }
    }
}
