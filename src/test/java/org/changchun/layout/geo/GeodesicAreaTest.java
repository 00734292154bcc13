package org.changchun.layout.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GeodesicAreaTest {

    private final WKTReader wkt = new WKTReader();

    @Test
    void measuresAOneDegreeCellAtTheEquatorOnTheEllipsoid() throws ParseException {
        // 12,308.778 km² on WGS84 (GeographicLib Planimeter)
        assertThat(GeodesicArea.squareKilometres(wkt.read("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")))
                .isCloseTo(12_308.78, within(0.01));
    }

    @Test
    void ignoresRingOrientationAndSubtractsHoles() throws ParseException {
        double clockwise = GeodesicArea.squareKilometres(wkt.read("POLYGON ((0 0, 0 1, 1 1, 1 0, 0 0))"));
        double withHole = GeodesicArea.squareKilometres(
                wkt.read("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0), (0.25 0.25, 0.25 0.75, 0.75 0.75, 0.75 0.25, 0.25 0.25))"));
        assertThat(clockwise).isCloseTo(12_308.78, within(0.01));
        assertThat(withHole).isCloseTo(12_308.78 * 0.75, within(5.0));
    }

    @Test
    void smallRingsOnTheAuthalicSphereHaveTheirAreaOnTheEllipsoid() {
        GeometryFactory factory = new GeometryFactory();
        Random random = new Random(5);
        int beyond = 0;
        for (int i = 0; i < 20_000; i++) {
            // parcels and buildings from 5 m to the largest ring measured this way, anywhere in China
            double size = Math.exp(Math.log(0.00005) + random.nextDouble() * Math.log(GeodesicArea.SMALL_RING_DEGREES / 0.00005));
            double lon = 73 + random.nextDouble() * 62;
            double lat = 18 + random.nextDouble() * 36;
            Coordinate[] ring = new Coordinate[7];
            for (int k = 0; k < 6; k++) {
                double angle = -k * Math.PI / 3 + random.nextDouble() * 0.5;
                double reach = 0.3 + 0.2 * random.nextDouble();
                ring[k] = new Coordinate(lon + size * (0.5 + reach * Math.cos(angle)), lat + size * (0.5 + reach * Math.sin(angle)));
            }
            ring[6] = ring[0].copy();
            CoordinateSequence points = factory.createLinearRing(ring).getCoordinateSequence();
            double ellipsoid = GeodesicArea.geodesicRing(points);
            // GeographicLib's own rounding is some 1e-4 m² on the smallest
            if (Math.abs(GeodesicArea.authalicRing(points) - ellipsoid) > Math.max(1e-7 * ellipsoid, 1e-3)) {
                beyond++;
            }
        }
        assertThat(beyond).as("rings differing by more than 1e-7 of their area or 0.001 m²").isZero();
    }

    @Test
    void pointsAndLinesHaveNoArea() throws ParseException {
        assertThat(GeodesicArea.squareKilometres(wkt.read("POINT (125 43)"))).isZero();
        assertThat(GeodesicArea.squareKilometres(wkt.read("LINESTRING (125 43, 126 44)"))).isZero();
    }

    @Test
    void agreesWithTheDistrictAreasMeasuredByPyprojGeod() throws IOException, ParseException {
        JsonNode districts = JsonMapper.builder().build().readTree(Files.readString(Path.of("gis-data/districts.geojson")));
        GeoJsonReader reader = new GeoJsonReader();
        for (JsonNode district : districts.get("features")) {
            double published = district.get("properties").get("area_km2").doubleValue();
            double measured = GeodesicArea.squareKilometres(reader.read(district.get("geometry").toString()));
            assertThat(measured).as(district.get("properties").get("name_zh").asString()).isCloseTo(published, within(0.1));
        }
    }
}
