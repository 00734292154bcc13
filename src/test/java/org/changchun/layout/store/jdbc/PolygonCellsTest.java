package org.changchun.layout.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.changchun.layout.store.jdbc.PolygonCells.Verdict;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

class PolygonCellsTest {

    private final GeometryFactory factory = new GeometryFactory();

    @Test
    void everyDecidedVerdictAgreesWithTheExactPredicates() {
        Geometry star = starWithAHole();
        PolygonCells cells = new PolygonCells(star, new IndexedPointInAreaLocator(star));
        Random random = new Random(42);
        int inside = 0;
        int outside = 0;
        int undecided = 0;
        for (int i = 0; i < 20_000; i++) {
            // features from a point up to a few percent of the polygon's size, some beyond its envelope
            double x = -1.1 + 2.2 * random.nextDouble();
            double y = -1.1 + 2.2 * random.nextDouble();
            double size = random.nextInt(4) == 0 ? 0 : 0.05 * random.nextDouble();
            Envelope feature = new Envelope(x, x + size, y, y + size * random.nextDouble());
            Geometry box = factory.toGeometry(feature);
            Verdict verdict = cells.classify(feature);
            switch (verdict) {
                case INSIDE -> {
                    assertThat(star.contains(box)).as("inside: %s", feature).isTrue();
                    inside++;
                }
                case OUTSIDE -> {
                    assertThat(star.intersects(box)).as("outside: %s", feature).isFalse();
                    outside++;
                }
                case UNDECIDED -> undecided++;
            }
        }
        // the point of the cells: most features are settled without the exact test
        assertThat(inside).isGreaterThan(5_000);
        assertThat(outside).isGreaterThan(5_000);
        assertThat(undecided).isLessThan(5_000);
    }

    @Test
    void aPointOnTheBoundaryOrAVertexIsLeftToTheExactTest() {
        Geometry star = starWithAHole();
        PolygonCells cells = new PolygonCells(star, new IndexedPointInAreaLocator(star));
        for (Coordinate vertex : star.getCoordinates()) {
            assertThat(cells.classify(new Envelope(vertex))).isEqualTo(Verdict.UNDECIDED);
        }
        Coordinate[] ring = ((Polygon) star).getExteriorRing().getCoordinates();
        Coordinate midEdge = new Coordinate((ring[0].x + ring[1].x) / 2, (ring[0].y + ring[1].y) / 2);
        assertThat(cells.classify(new Envelope(midEdge))).isEqualTo(Verdict.UNDECIDED);
    }

    /** A concave, 24-pointed star of radius 1 with a square hole around its centre. */
    private Geometry starWithAHole() {
        int points = 24;
        Coordinate[] shell = new Coordinate[2 * points + 1];
        for (int i = 0; i < 2 * points; i++) {
            double radius = i % 2 == 0 ? 1.0 : 0.6;
            double angle = Math.PI * i / points;
            shell[i] = new Coordinate(radius * Math.cos(angle), radius * Math.sin(angle));
        }
        shell[2 * points] = shell[0];
        LinearRing hole = factory.createLinearRing(new Coordinate[] {
            new Coordinate(-0.2, -0.2), new Coordinate(-0.2, 0.2), new Coordinate(0.2, 0.2),
            new Coordinate(0.2, -0.2), new Coordinate(-0.2, -0.2)});
        return factory.createPolygon(factory.createLinearRing(shell), new LinearRing[] {hole});
    }
}
