package org.changchun.layout.geo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.changchun.layout.feature.Feature;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JsonGenerator;

/**
 * Streams features as GeoJSON Feature objects straight into a JSON generator, value by value:
 * pages and exports hold thousands of features, and going through maps and bean serializers for
 * each cost several times the database's own time.
 */
public final class GeoJsonFeatureWriter {

    private GeoJsonFeatureWriter() {
    }

    /**
     * @param geometry   the geometry to write, already in the output CRS
     * @param properties the properties to write, in order; null for all of them
     */
    public static void write(JsonGenerator out, Feature feature, Geometry geometry, List<String> properties) {
        out.writeStartObject();
        out.writeStringProperty("type", "Feature");
        out.writeStringProperty("id", feature.id());
        out.writeObjectPropertyStart("properties");
        if (properties != null) {
            for (String name : properties) {
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
