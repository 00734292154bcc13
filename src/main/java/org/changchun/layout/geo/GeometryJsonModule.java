package org.changchun.layout.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Writes JTS geometries as RFC 7946 GeoJSON geometry objects: no {@code crs} member, exterior
 * rings counter-clockwise, 7 decimals (about 1 cm).
 */
@Component
public class GeometryJsonModule extends SimpleModule {

    public static final int DECIMALS = 7;

    public GeometryJsonModule() {
        super("geojson-geometry");
        addSerializer(Geometry.class, new ValueSerializer<>() {
            @Override
            public void serialize(Geometry geometry, JsonGenerator generator, SerializationContext context) {
                generator.writeRawValue(toGeoJson(geometry));
            }
        });
    }

    public static String toGeoJson(Geometry geometry) {
        GeoJsonWriter writer = new GeoJsonWriter(DECIMALS);
        writer.setEncodeCRS(false);
        writer.setForceCCW(true);
        return writer.write(geometry);
    }
}
