package org.changchun.layout.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.SineStarFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

class EwkbEncoderTest {

    @Test
    void writesWhatJtsWritesOneGeometryAfterAnother() throws ParseException {
        EwkbEncoder encoder = new EwkbEncoder();
        WKTReader wkt = new WKTReader();
        SineStarFactory star = new SineStarFactory(new GeometryFactory());
        star.setNumPoints(5_000);
        Geometry big = star.createSineStar();
        for (Geometry geometry : new Geometry[] {
            wkt.read("POINT (125.3 43.9)"),
            wkt.read("MULTIPOLYGON (((125 43, 126 43, 126 44, 125 43), (125.5 43.2, 125.8 43.2, 125.8 43.5, 125.5 43.2)), ((127 43, 128 43, 128 44, 127 43)))"),
            big,
            wkt.read("LINESTRING (125 43, 126 44)"),
            wkt.read("POLYGON ((125 43 7, 126 43 8, 126 44 9, 125 43 7))")}) {
            geometry.setSRID(4326);
            byte[] expected = new WKBWriter(2, true).write(geometry);
            assertThat(encoder.encode(geometry, 4326)).as("%s", geometry.getGeometryType()).isEqualTo(expected);
        }
        assertThat(big.getNumPoints()).as("more bytes than the first array holds").isGreaterThan(1024 / 16);
    }
}
