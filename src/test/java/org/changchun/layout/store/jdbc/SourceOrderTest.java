package org.changchun.layout.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.changchun.layout.feature.Feature;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class SourceOrderTest {

    private static final GeometryFactory WGS84 = new GeometryFactory();

    @Test
    void parcelsDeliveredRowByRowAreInSpatialOrderAndComeOutAsTheyWentIn() {
        List<Feature> parcels = parcelGrid(150, 20_000);
        SourceOrder order = SourceOrder.of(parcels.iterator());

        assertThat(order.spatial()).isTrue();
        List<String> read = new ArrayList<>();
        order.forEachRemaining(feature -> read.add(feature.id()));
        assertThat(read).as("every feature once, in the order given")
                .containsExactlyElementsOf(parcels.stream().map(Feature::id).toList());
    }

    @Test
    void theSameParcelsShuffledAreNot() {
        List<Feature> parcels = parcelGrid(150, 20_000);
        Collections.shuffle(parcels, new Random(3));

        assertThat(SourceOrder.of(parcels.iterator()).spatial()).isFalse();
    }

    @Test
    void pointsAtRandomAreNotAndPointsAlongRowsAre() {
        Random random = new Random(5);
        List<Feature> scattered = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            scattered.add(feature(i, WGS84.createPoint(new Coordinate(124.5 + 2 * random.nextDouble(),
                    43.3 + 1.5 * random.nextDouble()))));
        }
        assertThat(SourceOrder.of(scattered.iterator()).spatial()).isFalse();

        scattered.sort((a, b) -> {
            Coordinate p = a.geometry().getCoordinate();
            Coordinate q = b.geometry().getCoordinate();
            // rows of 0.01 degrees, west to east in each: a scanline order
            int rows = Integer.compare((int) (p.y * 100), (int) (q.y * 100));
            return rows != 0 ? rows : Double.compare(p.x, q.x);
        });
        assertThat(SourceOrder.of(scattered.iterator()).spatial()).isTrue();
    }

    @Test
    void aLayerSmallerThanTheSampleIsAlwaysRewrittenAndEmptyGeometriesAreLeftOut() {
        assertThat(SourceOrder.of(parcelGrid(50, SourceOrder.SAMPLE - 1).iterator()).spatial()).isFalse();

        List<Feature> withEmpty = parcelGrid(150, 20_000);
        withEmpty.set(10, feature(-1, WGS84.createPolygon()));
        assertThat(SourceOrder.of(withEmpty.iterator()).spatial()).isTrue();
        assertThat(SourceOrder.of(List.<Feature>of().iterator()).hasNext()).isFalse();
    }

    /** Parcels of about 100 m in a grid, row by row as a cadastre numbers them. */
    private static List<Feature> parcelGrid(int perRow, int count) {
        List<Feature> parcels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double x = 125.0 + (i % perRow) * 0.00125;
            double y = 43.8 + (i / perRow) * 0.0009;
            parcels.add(feature(i, WGS84.toGeometry(new Envelope(x, x + 0.001, y, y + 0.0007))));
        }
        return parcels;
    }

    private static Feature feature(int i, Geometry geometry) {
        return new Feature("f" + i, Map.of(), geometry);
    }
}
