package org.changchun.layout.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The hand-written Web Mercator against proj4j, and its tile boxes against PostGIS's
 * {@code ST_TileEnvelope} (the SQL tiles are cut with), whose values are written out below.
 */
class WebMercatorTest {

    @Test
    void projectsAsProj4jDoes() {
        var crs = new CRSFactory();
        var toMercator = new CoordinateTransformFactory()
                .createTransform(crs.createFromName("EPSG:4326"), crs.createFromName("EPSG:3857"));
        Geometry lonLat = new GeometryFactory().createLineString(new Coordinate[] {
                new Coordinate(125.3245, 43.8868), new Coordinate(-179.9, -84.0), new Coordinate(0, 0)});
        Geometry metres = WebMercator.project(lonLat);
        for (int i = 0; i < lonLat.getNumPoints(); i++) {
            Coordinate c = lonLat.getCoordinates()[i];
            ProjCoordinate expected = toMercator.transform(new ProjCoordinate(c.x, c.y), new ProjCoordinate());
            assertThat(metres.getCoordinates()[i].x).isCloseTo(expected.x, within(1e-6));
            assertThat(metres.getCoordinates()[i].y).isCloseTo(expected.y, within(1e-6));
            assertThat(WebMercator.lon(expected.x)).isCloseTo(c.x, within(1e-9));
            assertThat(WebMercator.lat(expected.y)).isCloseTo(c.y, within(1e-9));
        }
        assertThat(metres.getSRID()).isEqualTo(3857);
    }

    @Test
    void theWholeGridIsTileZeroAndRowZeroIsNorth() {
        assertThat(WebMercator.tile(0, 0, 0, 0)).isEqualTo(new Envelope(
                -WebMercator.HALF_WORLD, WebMercator.HALF_WORLD, -WebMercator.HALF_WORLD, WebMercator.HALF_WORLD));
        assertThat(WebMercator.tile(1, 1, 0, 0)).isEqualTo(new Envelope(0, WebMercator.HALF_WORLD, 0, WebMercator.HALF_WORLD));
    }

    @Test
    void aBufferedTileOverChangchunIsTheBoxPostgisCutsTo() {
        // SELECT ST_TileEnvelope(14, 13890, 5966, margin => 0.015625), and its ST_Transform(.., 4326)
        Envelope metres = WebMercator.tile(14, 13890, 5966, 64.0 / 4096);
        assertThat(metres.getMinX()).isCloseTo(13937183.770891752, within(1e-6));
        assertThat(metres.getMinY()).isCloseTo(5442278.195390407, within(1e-6));
        assertThat(metres.getMaxX()).isCloseTo(13939706.192825165, within(1e-6));
        assertThat(metres.getMaxY()).isCloseTo(5444800.617323818, within(1e-6));

        Envelope lonLat = WebMercator.toLonLat(metres);
        assertThat(lonLat.getMinX()).isCloseTo(125.19985198974607, within(1e-9));
        assertThat(lonLat.getMinY()).isCloseTo(43.85012691109847, within(1e-9));
        assertThat(lonLat.getMaxX()).isCloseTo(125.22251129150389, within(1e-9));
        assertThat(lonLat.getMaxY()).isCloseTo(43.86646552795369, within(1e-9));
    }
}
