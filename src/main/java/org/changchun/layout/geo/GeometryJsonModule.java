package org.changchun.layout.geo;

import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Writes JTS geometries in API answers as RFC 7946 GeoJSON geometry objects (see
 * {@link GeoJsonGeometryWriter}).
 */
@Component
public class GeometryJsonModule extends SimpleModule {

    public static final int DECIMALS = 7;

    public GeometryJsonModule() {
        super("geojson-geometry");
        addSerializer(Geometry.class, new ValueSerializer<>() {
            @Override
            public void serialize(Geometry geometry, JsonGenerator generator, SerializationContext context) {
                GeoJsonGeometryWriter.write(geometry, generator, decimalsFor(geometry));
            }
        });
    }

    /** Degrees get 7 decimals, metres (a projected SRID such as 3857) 2: about a centimetre either way. */
    public static int decimalsFor(Geometry geometry) {
        return geometry.getSRID() == 3857 ? 2 : DECIMALS;
    }
}
