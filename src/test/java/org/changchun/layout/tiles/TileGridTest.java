package org.changchun.layout.tiles;

import static org.assertj.core.api.Assertions.assertThat;

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

/** A point lands where mapbox-vector-tile-java's adapter puts it, or is left out where the adapter leaves it out. */
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
