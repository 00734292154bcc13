package org.changchun.layout.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.changchun.layout.support.GisDataFixture;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/** A convex window's clip measures what an overlay measures, and only convex polygons are windows. */
class ConvexClipTest {

    private final GeometryFactory factory = new GeometryFactory();

    @Test
    void convexFeaturesOverTheDistrictsHaveTheAreaAnOverlayGives() {
        Random random = new Random(7);
        int partly = 0;
        for (Geometry district : GisDataFixture.districtGeometries()) {
            Envelope extent = district.getEnvelopeInternal();
            List<Geometry> windows = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                double x = extent.getMinX() + random.nextDouble() * extent.getWidth();
                double y = extent.getMinY() + random.nextDouble() * extent.getHeight();
                int corners = 3 + random.nextInt(9);
                double radius = 0.0005 + random.nextDouble() * 0.0095;
                windows.add(regular(x, y, radius, corners, random.nextDouble(), random.nextBoolean()));
            }
            // on the boundary: about its vertices, and along its own edges on either side
            Coordinate[] boundary = district.getCoordinates();
            for (int i = 1; i < boundary.length; i += 7) {
                Coordinate a = boundary[i - 1];
                Coordinate b = boundary[i];
                windows.add(regular(b.x, b.y, 0.0005 + random.nextDouble() * 0.0095, 3 + random.nextInt(9),
                        random.nextDouble(), true));
                if (!a.equals2D(b) && a.distance(b) < 0.01) {
                    windows.add(onEdge(a, b, i % 2 == 0 ? 1 : -1));
                }
            }
            for (Geometry window : windows) {
                double overlaid = GeodesicArea.squareKilometres(
                        OverlayNGRobust.overlay(window, district, OverlayNG.INTERSECTION));
                double own = GeodesicArea.squareKilometres(window);
                if (overlaid > 0 && overlaid < own * 0.999) {
                    partly++;
                }
                ConvexClip clip = ConvexClip.of(window).orElseThrow(() -> new AssertionError("not convex: " + window));
                // the slivers between a window edge's geodesic and its lon/lat line (see ConvexClip)
                assertThat(clip.squareKilometresOf(district)).as("%s", window)
                        .isCloseTo(overlaid, within(Math.max(1e-9, own * 2e-4)));
            }
        }
        assertThat(partly).as("windows across a district boundary").isGreaterThan(2000);
    }

    @Test
    void aHoleInTheClippedPolygonIsLeftOut() throws ParseException {
        Geometry donut = new WKTReader().read("POLYGON ((125 43, 125.01 43, 125.01 43.01, 125 43.01, 125 43), "
                + "(125.002 43.002, 125.002 43.008, 125.008 43.008, 125.008 43.002, 125.002 43.002))");
        Geometry window = regular(125.005, 43.005, 0.004, 7, 0.3, true);
        double overlaid = GeodesicArea.squareKilometres(OverlayNGRobust.overlay(window, donut, OverlayNG.INTERSECTION));
        assertThat(overlaid).isGreaterThan(0.01);
        assertThat(ConvexClip.of(window).orElseThrow().squareKilometresOf(donut))
                .isCloseTo(overlaid, within(GeodesicArea.squareKilometres(window) * 2e-4));
    }

    @Test
    void aWindowOutsideOrAroundTheGeometryTakesNoneOrAllOfIt() throws ParseException {
        Geometry square = new WKTReader().read("POLYGON ((125 43, 125.004 43, 125.004 43.004, 125 43.004, 125 43))");
        ConvexClip around = ConvexClip.of(regular(125.002, 43.002, 0.008, 5, 0, true)).orElseThrow();
        ConvexClip away = ConvexClip.of(regular(126, 44, 0.008, 5, 0, true)).orElseThrow();
        assertThat(around.squareKilometresOf(square))
                .isCloseTo(GeodesicArea.squareKilometres(square), within(1e-12));
        assertThat(away.squareKilometresOf(square)).isZero();
        assertThat(around.squareKilometresOf(factory.createPoint(new Coordinate(125.005, 43.005)))).isZero();
    }

    @Test
    void onlyOneConvexPolygonWithoutHolesIsAWindow() throws ParseException {
        WKTReader wkt = new WKTReader();
        // clockwise, and with a repeated corner and a corner on a straight side
        assertThat(ConvexClip.of(wkt.read("POLYGON ((0 0, 0 0.01, 0.01 0.01, 0.01 0.01, 0.01 0.005, 0.01 0, 0 0))")))
                .isPresent();
        assertThat(ConvexClip.of(wkt.read("POLYGON ((0 0, 0.02 0, 0.01 0.005, 0.02 0.01, 0 0.01, 0 0))")))
                .as("concave").isEmpty();
        // a pentagram turns one way at every corner but winds twice
        assertThat(ConvexClip.of(wkt.read("POLYGON ((0 0.01, 0.00588 -0.00809, -0.00951 0.00309, 0.00951 0.00309, "
                + "-0.00588 -0.00809, 0 0.01))"))).as("pentagram").isEmpty();
        assertThat(ConvexClip.of(wkt.read("POLYGON ((0 0, 0.004 0, 0.004 0.004, 0 0.004, 0 0), "
                + "(0.001 0.001, 0.001 0.002, 0.002 0.002, 0.001 0.001))"))).as("with a hole").isEmpty();
        assertThat(ConvexClip.of(wkt.read("MULTIPOLYGON (((0 0, 0.001 0, 0.001 0.001, 0 0)), "
                + "((0.005 0.005, 0.006 0.005, 0.006 0.006, 0.005 0.005)))"))).as("two polygons").isEmpty();
        assertThat(ConvexClip.of(wkt.read("POLYGON ((0 0, 0.001 0.001, 0.002 0.002, 0 0))"))).as("no area").isEmpty();
        assertThat(ConvexClip.of(wkt.read("MULTIPOLYGON (((0 0, 0.001 0, 0.001 0.001, 0 0)))"))).as("one polygon")
                .isPresent();
        assertThat(ConvexClip.of(wkt.read("POLYGON EMPTY"))).isEmpty();
        assertThat(ConvexClip.of(wkt.read("MULTIPOLYGON EMPTY"))).isEmpty();
        assertThat(ConvexClip.of(wkt.read("POINT (1 1)"))).isEmpty();
        // its edges' geodesics part from their lon/lat lines by more than it may neglect
        assertThat(ConvexClip.of(regular(125, 43, 0.011, 4, 0, true))).as("wider than 0.02°").isEmpty();
    }

    @Test
    void aClockwiseWindowClipsAsAnAnticlockwiseOne() throws ParseException {
        Geometry triangle = new WKTReader().read("POLYGON ((125 43, 125.02 43.001, 125.01 43.03, 125 43))");
        double anticlockwise = ConvexClip.of(regular(125.01, 43.01, 0.008, 6, 0.1, true)).orElseThrow()
                .squareKilometresOf(triangle);
        double clockwise = ConvexClip.of(regular(125.01, 43.01, 0.008, 6, 0.1, false)).orElseThrow()
                .squareKilometresOf(triangle);
        assertThat(anticlockwise).isGreaterThan(0).isCloseTo(clockwise, within(anticlockwise * 1e-9));
    }

    /** A regular polygon, its first corner turned by a share of a full turn. */
    private Geometry regular(double x, double y, double radius, int corners, double turn, boolean anticlockwise) {
        Coordinate[] ring = new Coordinate[corners + 1];
        for (int i = 0; i < corners; i++) {
            double angle = 2 * Math.PI * (turn + (anticlockwise ? i : -i) / (double) corners);
            ring[i] = new Coordinate(x + radius * Math.cos(angle), y + radius * 0.8 * Math.sin(angle));
        }
        ring[corners] = ring[0].copy();
        return factory.createPolygon(ring);
    }

    /** A triangle on the segment from a to b, on its left (1) or its right (-1). */
    private Geometry onEdge(Coordinate a, Coordinate b, int side) {
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        Coordinate apex = new Coordinate((a.x + b.x) / 2 - side * dy, (a.y + b.y) / 2 + side * dx);
        return factory.createPolygon(new Coordinate[] {a.copy(), b.copy(), apex, a.copy()});
    }
}
