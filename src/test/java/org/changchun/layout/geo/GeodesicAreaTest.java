package org.changchun.layout.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
