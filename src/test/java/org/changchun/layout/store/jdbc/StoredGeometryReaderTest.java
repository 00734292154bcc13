package org.changchun.layout.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;
import org.springframework.dao.DataRetrievalFailureException;

class StoredGeometryReaderTest {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private final StoredGeometryReader reader = new StoredGeometryReader(WGS84);

    @Test
    void readsWhatJtsReadsInEitherByteOrder() throws Exception {
        WKTReader wkt = new WKTReader(WGS84);
        List<String> geometries = List.of("POINT (125.3245 43.886)", "POINT (-0.5 -90)", "POINT EMPTY",
                "POINT (1e300 -1e-300)", "MULTIPOINT ((125 43), (126 44))", "LINESTRING (125 43, 126 44)",
                "POLYGON ((125 43, 126 43, 126 44, 125 43))");
        for (String text : geometries) {
            Geometry expected = wkt.read(text);
            for (int order : new int[] {ByteOrderValues.LITTLE_ENDIAN, ByteOrderValues.BIG_ENDIAN}) {
                byte[] wkb = new WKBWriter(2, order).write(expected);
                Geometry read = reader.read(wkb);
                assertThat(read.equalsExact(new WKBReader(WGS84).read(wkb))).as(text + " order " + order).isTrue();
                assertThat(read.isEmpty()).as(text).isEqualTo(expected.isEmpty());
                assertThat(read.getGeometryType()).as(text).isEqualTo(expected.getGeometryType());
                assertThat(read.getSRID()).as(text).isEqualTo(4326);
            }
        }
    }

    @Test
    void aPointWithMoreThanTwoOrdinatesOrAnSridIsLeftToJts() throws Exception {
        Geometry point = new WKTReader(WGS84).read("POINT Z (125 43 200)");
        point.setSRID(4490);
        for (byte[] wkb : List.of(new WKBWriter(3).write(point), new WKBWriter(2, true).write(point))) {
            Geometry read = reader.read(wkb);
            assertThat(read.getCoordinate().x).isEqualTo(125);
            assertThat(read.getCoordinate().y).isEqualTo(43);
            assertThat(read.getSRID()).as("the tables' SRID").isEqualTo(4326);
        }
    }

    @Test
    void twentyOneBytesThatAreNoPointAreNotReadAsOne() {
        byte[] notWkb = new byte[21];
        notWkb[0] = 7;
        assertThatThrownBy(() -> reader.read(notWkb)).isInstanceOf(DataRetrievalFailureException.class)
                .hasMessageContaining("not valid WKB");
        byte[] lineType = new WKBWriter(2).write(WGS84.createPoint(new org.locationtech.jts.geom.Coordinate(1, 2)));
        lineType[4] = 2; // a linestring's type code (big-endian) with a point's length
        assertThatThrownBy(() -> reader.read(lineType)).isInstanceOf(DataRetrievalFailureException.class);
    }
}
