package org.changchun.layout.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

class GeometryValidityTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    @Test
    void aPlainParcelIsValidWithoutAskingJts() {
        assertThat(GeometryValidity.plainlyValid(wkt("POLYGON ((125.30 43.88, 125.30 43.89, 125.31 43.89, 125.31 43.88, 125.30 43.88))"))).isTrue();
        assertThat(GeometryValidity.plainlyValid(wkt("MULTIPOLYGON (((0 0, 0 1, 1 1, 0 0)))"))).isTrue();
        assertThat(GeometryValidity.plainlyValid(wkt("POLYGON ((0 0, 0 1, 0 1, 1 1, 1 0, 0 0, 0 0))")))
                .as("repeated points are not corners").isTrue();
        assertThat(GeometryValidity.plainlyValid(wkt("POLYGON ((0 0, 0 4, 2 4, 2 2, 4 2, 4 4, 6 4, 6 0, 0 0))")))
                .as("concave").isTrue();
        assertThat(GeometryValidity.errorOf(wkt("POLYGON ((0 0, 0 1, 1 1, 1 0, 0 0))"))).isNull();
    }

    @Test
    void whatItCannotTellAtAGlanceIsJtssToDecide() {
        // valid, but not plainly so: JTS decides and finds nothing wrong
        for (String valid : new String[] {
            "POLYGON ((0 0, 0 1, 0 2, 2 2, 2 0, 0 0))",                                   // a corner on a straight edge
            "POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0), (1 1, 2 1, 2 2, 1 1))",              // a hole
            "MULTIPOLYGON (((0 0, 0 1, 1 1, 0 0)), ((5 5, 5 6, 6 6, 5 5)))"}) {           // two parts
            assertThat(GeometryValidity.plainlyValid(wkt(valid))).as(valid).isFalse();
            assertThat(GeometryValidity.errorOf(wkt(valid))).as(valid).isNull();
        }

        TopologyValidationError bowTie = GeometryValidity.errorOf(wkt("POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))"));
        assertThat(bowTie).isNotNull();
        assertThat(bowTie.getErrorType()).isEqualTo(TopologyValidationError.SELF_INTERSECTION);
        TopologyValidationError selfTouch = GeometryValidity.errorOf(
                wkt("POLYGON ((0 0, 0 2, 1 1, 2 2, 2 0, 1 1, 0 0))"));
        assertThat(selfTouch).isNotNull();
        TopologyValidationError spike = GeometryValidity.errorOf(wkt("POLYGON ((0 0, 0 1, 0 3, 0 1, 1 1, 1 0, 0 0))"));
        assertThat(spike).isNotNull();
        Polygon notANumber = FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(0, 0), new Coordinate(0, Double.NaN), new Coordinate(1, 1), new Coordinate(0, 0)});
        assertThat(GeometryValidity.plainlyValid(notANumber)).isFalse();
        assertThat(GeometryValidity.errorOf(notANumber).getErrorType()).isEqualTo(TopologyValidationError.INVALID_COORDINATE);
    }

    @Test
    void everyPolygonItCallsValidJtsFindsValidToo() {
        Random random = new Random(20261208);
        int plainlyValid = 0;
        int jtsValid = 0;
        for (int i = 0; i < 200_000; i++) {
            Polygon polygon = randomRing(random);
            boolean plain = GeometryValidity.plainlyValid(polygon);
            boolean valid = new IsValidOp(polygon).isValid();
            if (plain) {
                assertThat(valid).as("%s", polygon).isTrue();
                plainlyValid++;
            }
            if (valid) {
                jtsValid++;
            }
            assertThat(GeometryValidity.errorOf(polygon) == null).as("%s", polygon).isEqualTo(valid);
        }
        // the rings are drawn on a small grid, so corners often meet edges and lie on lines; still most valid
        // rings are recognised, or the shortcut would save nothing
        assertThat(plainlyValid).isGreaterThan(jtsValid / 2);
        assertThat(jtsValid).isLessThan(200_000).isGreaterThan(20_000);
    }

    /** A ring of 3 to 8 corners on a 6 x 6 grid (touches, crossings, collinear corners and repeats are common), or off it. */
    private static Polygon randomRing(Random random) {
        int corners = 3 + random.nextInt(6);
        boolean onGrid = random.nextInt(4) != 0;
        Coordinate[] ring = new Coordinate[corners + 1];
        for (int i = 0; i < corners; i++) {
            ring[i] = onGrid ? new Coordinate(random.nextInt(6), random.nextInt(6))
                    : new Coordinate(125 + random.nextDouble() * 1e-3, 43 + random.nextDouble() * 1e-3);
        }
        ring[corners] = ring[0].copy();
        return FACTORY.createPolygon(ring);
    }

    private static Geometry wkt(String text) {
        try {
            return new WKTReader(FACTORY).read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
