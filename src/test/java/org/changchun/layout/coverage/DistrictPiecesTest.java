package org.changchun.layout.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.changchun.layout.geo.GeodesicArea;
import org.changchun.layout.support.GisDataFixture;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/** A feature's area in a district, added up over the district's pieces, is its area in the whole district. */
class DistrictPiecesTest {

    private final GeometryFactory factory = new GeometryFactory();

    @Test
    void smallAndLargeFeaturesHaveTheAreaTheyHaveInTheWholeDistrict() {
        Random random = new Random(11);
        int straddling = 0;
        for (Geometry district : GisDataFixture.districtGeometries()) {
            DistrictPieces pieces = new DistrictPieces(district);
            Envelope extent = district.getEnvelopeInternal();
            List<Geometry> features = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                // parcels of about 100 m, anywhere in the district's extent and a little beyond
                double x = extent.getMinX() - 0.01 + random.nextDouble() * (extent.getWidth() + 0.02);
                double y = extent.getMinY() - 0.01 + random.nextDouble() * (extent.getHeight() + 0.02);
                features.add(quad(x, y, 0.0012, 0.0009, random));
            }
            // on a boundary vertex, a 64th of the extent, over many cells, the whole extent
            Coordinate vertex = district.getCoordinates()[district.getNumPoints() / 3];
            features.add(quad(vertex.x - 0.0005, vertex.y - 0.0004, 0.001, 0.0008, random));
            features.add(quad(vertex.x - extent.getWidth() / 128, vertex.y - extent.getHeight() / 128,
                    extent.getWidth() / 64, extent.getHeight() / 64, random));
            features.add(quad(extent.centre().x, extent.centre().y, extent.getWidth() / 5, extent.getHeight() / 5, random));
            features.add(factory.toGeometry(extent));
            for (Geometry feature : features) {
                double whole = GeodesicArea.squareKilometres(
                        OverlayNGRobust.overlay(feature, district, OverlayNG.INTERSECTION));
                double own = GeodesicArea.squareKilometres(feature);
                if (whole > 0 && whole < own * 0.999) {
                    straddling++;
                }
                // a cut splits an edge at a point of its straight line in lon/lat, where the geodesic
                // area takes the edge for a geodesic: a 1 km east-west edge bulges 2 cm to the pole, some
                // 12 m² between the two; parts and whole then differ by parts in 100,000
                assertThat(pieces.squareKilometresOf(feature)).as("%s", feature)
                        .isCloseTo(whole, within(Math.max(1e-9, whole * 1e-4)));
            }
        }
        assertThat(straddling).as("features across a district boundary").isGreaterThan(50);
    }

    @Test
    void aDistrictWithoutWidthIsOverlaidWhole() {
        Geometry line = factory.createPolygon(new Coordinate[] {new Coordinate(125, 43), new Coordinate(125, 44),
            new Coordinate(125, 43.5), new Coordinate(125, 43)});
        assertThat(new DistrictPieces(line).squareKilometresOf(quad(124.9, 43.2, 0.2, 0.1, new Random(1)))).isZero();
    }

    /** A quadrilateral in the box from (x, y), its corners pulled inwards at random. */
    private Geometry quad(double x, double y, double width, double height, Random random) {
        double[] in = new double[8];
        for (int i = 0; i < in.length; i++) {
            in[i] = 0.05 + 0.2 * random.nextDouble();
        }
        Coordinate first = new Coordinate(x + in[0] * width, y + in[1] * height);
        return factory.createPolygon(new Coordinate[] {first,
            new Coordinate(x + in[2] * width, y + (1 - in[3]) * height),
            new Coordinate(x + (1 - in[4]) * width, y + (1 - in[5]) * height),
            new Coordinate(x + (1 - in[6]) * width, y + in[7] * height), first.copy()});
    }
}
