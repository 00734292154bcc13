package org.changchun.layout.maps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** What the renderer keeps of a geometry reaching beyond the map: what it draws inside the box, and no more. */
class MapClippingTest {

    private static final Envelope BOX = new Envelope(40, 60, 40, 60);

    private static Geometry wkt(String text) throws ParseException {
        return new WKTReader().read(text);
    }

    @Test
    void aPolygonAroundTheBoxFillsTheWholeBox() throws ParseException {
        Geometry clipped = MapRenderer.clipped(wkt("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))"), BOX);
        assertThat(clipped.getEnvelopeInternal()).isEqualTo(BOX);
        assertThat(clipped.getArea()).isEqualTo(400);
    }

    @Test
    void aHoleAndAPartOutsideTheBoxAreKeptAndDroppedAsTheyShow() throws ParseException {
        Geometry clipped = MapRenderer.clipped(wkt("MULTIPOLYGON (((0 0, 100 0, 100 100, 0 100, 0 0),"
                + " (45 45, 55 45, 55 55, 45 55, 45 45)), ((200 200, 210 200, 210 210, 200 200)))"), BOX);
        assertThat(clipped.getNumGeometries()).isEqualTo(1);
        assertThat(clipped.getArea()).isEqualTo(400 - 100);
    }

    @Test
    void aLineKeepsTheStretchesThatCrossTheBox() throws ParseException {
        Geometry clipped = MapRenderer.clipped(wkt("LINESTRING (0 50, 10 50, 20 50, 30 50, 50 50, 70 50, 80 50, 90 50)"), BOX);
        assertThat(clipped.getEnvelopeInternal().getMinX()).isGreaterThanOrEqualTo(30);
        assertThat(clipped.getEnvelopeInternal().getMaxX()).isLessThanOrEqualTo(70);
        assertThat(clipped.intersects(wkt("POINT (50 50)"))).isTrue();
    }

    @Test
    void aGeometryInsideTheBoxIsKeptWhole() throws ParseException {
        Geometry inside = wkt("POLYGON ((41 41, 59 41, 59 59, 41 41))");
        assertThat(MapRenderer.clipped(inside, BOX).equalsExact(inside)).isTrue();
    }
}
