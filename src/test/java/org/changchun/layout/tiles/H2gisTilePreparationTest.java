package org.changchun.layout.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.store.NativeTiles;
import org.changchun.layout.support.PointGrids;
import org.changchun.layout.support.TestDatabases;
import org.changchun.layout.support.Waiting;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * On the embedded store, a big point layer's points are in memory before anyone asks for its
 * low-zoom tiles: after it is written, and again after each new version. Here a layer over 50
 * features counts as big; none of the plan's layers is.
 */
@SpringBootTest(properties = "plan.tiles.thin-above=50")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class H2gisTilePreparationTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Autowired
    FeatureStore store;

    @Autowired
    LayerCatalog catalog;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TileService tiles;

    @DynamicPropertySource
    static void embeddedStore(DynamicPropertyRegistry registry) {
        TestDatabases.register("h2gis", registry);
    }

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
    void aTileAskedForWhileItsLayerIsPreparedDrawsTheCurrentVersion() {
        TileAddress address = new TileAddress(8, 92, 217);
        writePoints("busy-points", 400, 43.7);
        byte[] firstVersion = fromStore(catalog.get("busy-points"), address);
        writePoints("busy-points", 400, 44.2);
        LayerInfo layer = catalog.get("busy-points");

        // asked for at once: the tile may wait for the build under way, and must not draw the first version
        byte[] tile = tiles.tile(List.of(layer), address, tiles.etag(List.of(layer), address, false), false).bytes();

        assertThat(tile).isNotEmpty().isEqualTo(fromStore(layer, address)).isNotEqualTo(firstVersion);
    }

    /** The tile with the layer's points merged per 16-unit cell, read from the store rather than memory. */
    private byte[] fromStore(LayerInfo layer, TileAddress address) {
        return new JavaTileEncoder(store, DataSize.ofBytes(0)).tile(address.z(), address.x(), address.y(), 4096, 64,
                List.of(new NativeTiles.Layer(layer, layer.id(), 16)));
    }

    private double pointIndexesHeld() {
        return meters.get("plan.tiles.point.indexes").gauge().value();
    }

    private void writePoints(String layerId, int count, double south) {
        PointGrids.write(store, layerId, "点", "Points", count, south);
    }
}
