package org.changchun.layout.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

class PolygonPointGridTest {

    private final GeometryFactory factory = new GeometryFactory();

    @Test
    void whereTheGridDecidesItAgreesWithTheExactTestAndItDecidesMostPoints() {
        Geometry district = jaggedDistrictWithAHoleAndAnIsland();
        IndexedPointInAreaLocator exact = new IndexedPointInAreaLocator(district);
        assertThat(PolygonPointGrid.worthwhile(district)).isTrue();
        PolygonPointGrid grid = new PolygonPointGrid(district, exact);
        Envelope box = district.getEnvelopeInternal();
        List<Coordinate> points = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            points.add(new Coordinate(box.getMinX() - 0.1 + (box.getWidth() + 0.2) * random.nextDouble(),
                    box.getMinY() - 0.1 + (box.getHeight() + 0.2) * random.nextDouble()));
        }
        int decided = 0;
        for (Coordinate point : points) {
            int byGrid = grid.locate(point.x, point.y);
            if (byGrid >= 0) {
                assertThat(byGrid).as("%s", point).isEqualTo(exact.locate(point));
                decided++;
            }
        }
        assertThat(decided).as("points placed by one lookup").isGreaterThan(180_000);

        // on the boundary (vertices, the middle of edges) and on the edges between cells: never decided wrongly
        List<Coordinate> awkward = new ArrayList<>(List.of(district.getCoordinates()));
        Coordinate[] shell = ((Polygon) district.getGeometryN(0)).getExteriorRing().getCoordinates();
        for (int i = 1; i < shell.length; i++) {
            awkward.add(new Coordinate((shell[i - 1].x + shell[i].x) / 2, (shell[i - 1].y + shell[i].y) / 2));
        }
        for (int i = 0; i <= 256; i++) {
            double x = box.getMinX() + i * box.getWidth() / 256;
            for (int j = 0; j <= 256; j += 8) {
                awkward.add(new Coordinate(x, box.getMinY() + j * box.getHeight() / 256));
            }
        }
        for (Coordinate point : awkward) {
            int byGrid = grid.locate(point.x, point.y);
            int byLocator = exact.locate(point);
            if (byLocator == Location.BOUNDARY) {
                assertThat(byGrid).as("on the boundary: %s", point).isEqualTo(-1);
            } else if (byGrid >= 0) {
                assertThat(byGrid).as("%s", point).isEqualTo(byLocator);
            }
        }
    }

    @Test
    void aSimplePolygonGetsNoGrid() {
        Geometry square = factory.toGeometry(new Envelope(0, 1, 0, 1));
        assertThat(PolygonPointGrid.worthwhile(square)).isFalse();
    }

    /**
     * A district-like outline of 720 jagged vertices around (125.3, 43.9), with a lake (a hole) and
     * a detached island in the lake: every kind of boundary a plan polygon has.
     */
    private Geometry jaggedDistrictWithAHoleAndAnIsland() {
        int vertices = 720;
        Random random = new Random(9);
        Coordinate[] shell = new Coordinate[vertices + 1];
        for (int i = 0; i < vertices; i++) {
            double angle = 2 * Math.PI * i / vertices;
            double radius = 0.3 + 0.08 * Math.sin(7 * angle) + 0.01 * random.nextDouble();
            shell[i] = new Coordinate(125.3 + radius * Math.cos(angle), 43.9 + 0.7 * radius * Math.sin(angle));
        }
        shell[vertices] = shell[0];
        LinearRing lake = ring(125.25, 43.85, 125.35, 43.93);
        Polygon outline = factory.createPolygon(factory.createLinearRing(shell), new LinearRing[] {lake});
        Polygon island = factory.createPolygon(ring(125.28, 43.87, 125.31, 43.9));
        return factory.createMultiPolygon(new Polygon[] {outline, island});
    }

    private LinearRing ring(double minX, double minY, double maxX, double maxY) {
        return factory.createLinearRing(new Coordinate[] {new Coordinate(minX, minY), new Coordinate(minX, maxY),
            new Coordinate(maxX, maxY), new Coordinate(maxX, minY), new Coordinate(minX, minY)});
    }
}
