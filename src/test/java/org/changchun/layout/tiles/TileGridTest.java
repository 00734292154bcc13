package org.changchun.layout.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.changchun.layout.geo.WebMercator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * A point lands where mapbox-vector-tile-java's adapter puts it, or is left out where the adapter
 * leaves it out; a line or polygon cut to the buffered tile lands where the adapter puts the
 * uncut one.
 */
class TileGridTest {

    private static final int EXTENT = 4096;
    private final GeometryFactory factory = new GeometryFactory();

    @ParameterizedTest(name = "z{0}/{1}/{2}")
    @CsvSource({"0, 0, 0", "6, 23, 54", "8, 93, 217", "12, 1490, 3472", "16, 23860, 55581", "22, 1527100, 3557215"})
    void pointsLandWhereTheAdapterPutsThem(int z, int y, int x) {
        Envelope tile = WebMercator.tile(z, x, y, 0);
        Envelope clip = WebMercator.tile(z, x, y, 64.0 / EXTENT);
        TileGrid grid = new TileGrid(tile, clip, EXTENT);

        for (Coordinate point : points(tile, clip)) {
            Geometry expected = JtsAdapter.createTileGeom(factory.createPoint(point), tile, clip, factory,
                    new MvtLayerParams(EXTENT), g -> true);
            assertThat(grid.covers(point.x, point.y)).as(point.toString()).isEqualTo(!expected.isEmpty());
            if (!expected.isEmpty()) {
                assertThat(grid.onGrid(point.x, point.y)).as(point.toString()).isEqualTo(expected.getCoordinate());
            }
        }
    }

    @ParameterizedTest(name = "z{0}/{1}/{2}")
    @CsvSource({"6, 23, 54", "8, 93, 217", "12, 1490, 3472", "16, 23860, 55581"})
    void linesAndPolygonsLandWhereTheAdapterPutsThem(int z, int y, int x) {
        Envelope tile = WebMercator.tile(z, x, y, 0);
        Envelope clip = WebMercator.tile(z, x, y, 64.0 / EXTENT);
        TileGrid grid = new TileGrid(tile, clip, EXTENT);
        Geometry clipArea = factory.toGeometry(clip);
        Random random = new Random(7);
        int compared = 0;

        for (int i = 0; i < 2_000; i++) {
            Geometry shape = shape(random, clip, tile.getWidth() / EXTENT);
            Geometry expected = JtsAdapter.createTileGeom(shape, tile, clip, factory, new MvtLayerParams(EXTENT), g -> true);
            Geometry actual = grid.onGrid(OverlayNGRobust.overlay(shape, clipArea, OverlayNG.INTERSECTION));

            assertThat(actual.isEmpty()).as(shape.toText()).isEqualTo(expected.isEmpty());
            if (expected.isEmpty()) {
                continue;
            }
            compared++;
            assertThat(actual.getDimension()).as(shape.toText()).isEqualTo(expected.getDimension());
            assertThat(actual.getNumGeometries()).as(shape.toText()).isEqualTo(expected.getNumGeometries());
            // the same vertices, up to where a ring starts: the simplifier may then keep or drop a
            // vertex within its tolerance of a tenth of a unit differently
            assertThat(DiscreteHausdorffDistance.distance(actual, expected)).as(shape.toText()).isLessThanOrEqualTo(0.1);
            if (actual.getDimension() == 2) {
                assertThat(actual.getArea()).as(shape.toText()).isCloseTo(expected.getArea(), within(0.5));
            }
        }
        assertThat(compared).isGreaterThan(1_000);
    }

    /**
     * A polygon (some with a hole, some made of two parts) or a line, from a few units across to
     * wider than the tile, so that some lie within the buffered tile, some cross its edge and some
     * miss it.
     */
    private Geometry shape(Random random, Envelope clip, double unit) {
        double size = unit * Math.pow(10, random.nextDouble() * 4);
        double cx = clip.getMinX() - clip.getWidth() * 0.2 + random.nextDouble() * clip.getWidth() * 1.4;
        double cy = clip.getMinY() - clip.getHeight() * 0.2 + random.nextDouble() * clip.getHeight() * 1.4;
        Geometry ring = ring(random, cx, cy, size);
        switch (random.nextInt(4)) {
            case 0:
                return factory.createLineString(ring.getCoordinates());
            case 1:
                return ring.difference(ring(random, cx, cy, size * 0.4));
            case 2:
                return ring.union(ring(random, cx + size * 3, cy, size));
            default:
                return ring;
        }
    }

    /** A star-shaped polygon around a centre, 12 to 40 vertices. */
    private Geometry ring(Random random, double cx, double cy, double size) {
        int vertices = 12 + random.nextInt(29);
        Coordinate[] ring = new Coordinate[vertices + 1];
        for (int i = 0; i < vertices; i++) {
            double angle = 2 * Math.PI * i / vertices;
            double radius = size * (0.5 + random.nextDouble() * 0.5);
            ring[i] = new Coordinate(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle));
        }
        ring[vertices] = ring[0];
        return factory.createPolygon(ring);
    }

    /** Points in and around the buffered tile, on its edges and corners, and halfway between grid lines. */
    private static List<Coordinate> points(Envelope tile, Envelope clip) {
        Random random = new Random(42);
        List<Coordinate> points = new ArrayList<>();
        Envelope around = new Envelope(clip);
        around.expandBy(clip.getWidth() * 0.1);
        for (int i = 0; i < 5_000; i++) {
            points.add(new Coordinate(around.getMinX() + random.nextDouble() * around.getWidth(),
                    around.getMinY() + random.nextDouble() * around.getHeight()));
        }
        double unit = tile.getWidth() / EXTENT;
        for (int i = 0; i < 1_000; i++) {
            double along = clip.getMinX() + random.nextDouble() * clip.getWidth();
            double across = clip.getMinY() + random.nextDouble() * clip.getHeight();
            points.add(new Coordinate(clip.getMinX(), across));
            points.add(new Coordinate(clip.getMaxX(), across));
            points.add(new Coordinate(along, clip.getMinY()));
            points.add(new Coordinate(along, clip.getMaxY()));
            // halfway between two grid lines, where rounding decides
            points.add(new Coordinate(tile.getMinX() + (random.nextInt(EXTENT) + 0.5) * unit,
                    tile.getMinY() + (random.nextInt(EXTENT) + 0.5) * unit));
        }
        points.add(new Coordinate(clip.getMinX(), clip.getMinY()));
        points.add(new Coordinate(clip.getMaxX(), clip.getMaxY()));
        points.add(new Coordinate(clip.getMinX(), clip.getMaxY()));
        points.add(new Coordinate(clip.getMaxX(), clip.getMinY()));
        return points;
    }
}
