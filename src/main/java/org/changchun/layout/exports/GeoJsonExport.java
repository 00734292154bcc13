package org.changchun.layout.exports;

import java.io.OutputStream;
import org.changchun.layout.geo.GeoJsonFeatureWriter;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.feature.LayerInfo;
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
            GeoJsonFeatureWriter featureWriter = new GeoJsonFeatureWriter(out, null);
            store.readFeatures(layer.id(), features -> {
                features.forEach(feature -> featureWriter.write(feature, feature.geometry()));
                return null;
            });
            out.writeEndArray();
            out.writeEndObject();
        }
    }
}
