package org.changchun.layout.exports;

import java.io.OutputStream;
import java.util.Map;
import org.changchun.layout.geo.GeoJsonGeometryWriter;
import org.changchun.layout.geo.GeometryJsonModule;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.LayerInfo;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** A whole layer as one RFC 7946 FeatureCollection, streamed feature by feature. */
final class GeoJsonExport {

    private GeoJsonExport() {
    }

    static void write(FeatureStore store, LayerInfo layer, JsonMapper json, OutputStream target) {
        try (JsonGenerator out = json.createGenerator(target)) {
            out.writeStartObject();
            out.writeStringProperty("type", "FeatureCollection");
            out.writeStringProperty("name", layer.id());
            out.writeArrayPropertyStart("features");
            store.eachFeature(layer.id(), feature -> {
                out.writeStartObject();
                out.writeStringProperty("type", "Feature");
                out.writeStringProperty("id", feature.id());
                out.writeObjectPropertyStart("properties");
                for (Map.Entry<String, Object> property : feature.properties().entrySet()) {
                    out.writeName(property.getKey());
                    Object value = property.getValue();
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
                    } else {
                        out.writeString(value.toString());
                    }
                }
                out.writeEndObject();
                out.writeName("geometry");
                GeoJsonGeometryWriter.write(feature.geometry(), out, GeometryJsonModule.DECIMALS);
                out.writeEndObject();
            });
            out.writeEndArray();
            out.writeEndObject();
        }
    }
}
