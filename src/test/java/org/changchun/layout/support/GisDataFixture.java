package org.changchun.layout.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.changchun.layout.geo.FeatureJson;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.store.WriteProgress;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Writes the real plan layers of {@code gis-data/} into a store, for tests below the application. */
public final class GisDataFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GisDataFixture() {
    }

    public static void load(FeatureStore store) {
        try {
            JsonNode manifest = JSON.readTree(Files.readString(Path.of("gis-data/layers.json")));
            for (JsonNode layer : manifest.get("layers")) {
                List<FieldSpec> fields = new ArrayList<>();
                layer.get("fields").forEach(f -> fields.add(new FieldSpec(f.get("name").asString(),
                        FieldType.fromCode(f.get("type").asString()).orElseThrow(), null, null)));
                LayerSpec spec = new LayerSpec(new LayerDescription(layer.get("id").asString(),
                        LayerKind.fromCode(layer.get("kind").asString()).orElseThrow(), layer.get("title_zh").asString(),
                        layer.get("title_en").asString(), null, null, null, null, null), fields, "fixture");
                List<Feature> features = new ArrayList<>();
                JSON.readTree(Files.readString(Path.of("gis-data", layer.get("file").asString()))).get("features")
                        .forEach(f -> features.add(FeatureJson.read(f, fields, null)));
                store.writeLayer(spec, features.iterator(), WriteProgress.NONE);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shapes of the real districts (gis-data/districts.geojson), WGS84 lon/lat. */
    public static List<Geometry> districtGeometries() {
        try {
            GeoJsonReader reader = new GeoJsonReader();
            List<Geometry> districts = new ArrayList<>();
            for (JsonNode district : JSON.readTree(Files.readString(Path.of("gis-data/districts.geojson"))).get("features")) {
                districts.add(reader.read(district.get("geometry").toString()));
            }
            return districts;
        } catch (IOException | ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
