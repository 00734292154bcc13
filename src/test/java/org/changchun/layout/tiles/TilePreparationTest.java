package org.changchun.layout.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.store.NativeTiles;
import org.changchun.layout.support.PointGrids;
import org.changchun.layout.support.Waiting;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.unit.DataSize;

/**
 * A big point layer's points are in memory before anyone asks for its low-zoom tiles: after it is
 * written, and again after each new version. Here a layer over 50 features counts as big; none of
 * the plan's layers is.
 */
@SpringBootTest(properties = "plan.tiles.thin-above=50")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class TilePreparationTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Autowired
    FeatureStore store;

    @Autowired
    LayerCatalog catalog;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TileService tiles;

    /** First: it counts the layers held, which the other test adds to. */
    @Test
    @Order(1)
    void aBigPointLayerIsHeldInMemoryBeforeItsFirstTileAndAgainAfterEachVersion() throws InterruptedException {
        writePoints("many-points", 100, 43.7);

        Waiting.until(LIMIT, () -> pointIndexesHeld() == 1);
        long firstVersion = catalog.get("many-points").dataVersion();

        writePoints("many-points", 100, 44.2);

        assertThat(catalog.get("many-points").dataVersion()).isNotEqualTo(firstVersion);
        // the first version's points age out of memory when it fills or no tile has used them for a while
        Waiting.until(LIMIT, () -> pointIndexesHeld() == 2);
    }

    @Test
    @Order(2)
    void aTileAskedForWhileItsLayerIsPreparedDrawsTheCurrentVersion() throws IOException {
        TileAddress address = new TileAddress(8, 92, 217);
        writePoints("busy-points", 400, 43.7);
        byte[] firstVersion = fromStore(catalog.get("busy-points"), address);
        writePoints("busy-points", 400, 44.2);
        LayerInfo layer = catalog.get("busy-points");

        // asked for at once: the tile may wait for the build under way, and must not draw the first version
        byte[] tile = tiles.tile(List.of(layer), address, tiles.etag(List.of(layer), address, false), false).bytes();

        assertThat(tile).isNotEmpty();
        assertThat(mergedPoints(tile)).isEqualTo(mergedPoints(fromStore(layer, address)))
                .isNotEqualTo(mergedPoints(firstVersion));
    }

    /** The tile with the layer's points merged per 16-unit cell, read from the store rather than memory. */
    private byte[] fromStore(LayerInfo layer, TileAddress address) {
        NativeTiles encoder = store.nativeTiles()
                .orElseGet(() -> new JavaTileEncoder(store, new MergedPoints(store, DataSize.ofBytes(0))));
        return encoder.tile(address.z(), address.x(), address.y(), 4096, 64,
                List.of(new NativeTiles.Layer(layer, layer.id(), 16)));
    }

    /** Each merged point of a tile as "x y count", in no particular order (PostGIS groups them in its own). */
    private static Set<String> mergedPoints(byte[] tile) throws IOException {
        Set<String> points = new HashSet<>();
        JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(tile), new GeometryFactory(),
                new TagKeyValueMapConverter(), MvtReader.RING_CLASSIFIER_V2_1);
        for (JtsLayer layer : mvt.getLayers()) {
            for (Geometry point : layer.getGeometries()) {
                points.add(point.getCoordinate().x + " " + point.getCoordinate().y + " "
                        + ((Map<?, ?>) point.getUserData()).get("point_count"));
            }
        }
        return points;
    }

    private double pointIndexesHeld() {
        return meters.get("plan.tiles.point.indexes").gauge().value();
    }

    private void writePoints(String layerId, int count, double south) {
        PointGrids.write(store, layerId, "点", "Points", count, south);
    }
}
