package org.changchun.layout.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.geo.WebMercator;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.WriteProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * From the full-detail zoom on, a tile that would draw more of a big layer's points than
 * {@code plan.tiles.max-points-per-tile} merges them as the zooms below do; its other features, and
 * tiles with fewer points, are drawn in full. Here 50 features make a layer big and a tile may draw
 * 100 points: a block of 400 points 0.0005 degrees apart fits one zoom-14 tile, and spreads over
 * a dozen tiles of zoom 17. One tile is encoded at a time and none is cached, so that tiles asked for
 * at once take turns at the store.
 */
@SpringBootTest(properties = {"plan.tiles.thin-above=50", "plan.tiles.max-points-per-tile=100",
    "plan.tiles.max-concurrent-encodes=1", "plan.tiles.cache-size=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DensePointTilesTest {

    private static final double WEST = 125.2905;
    private static final double SOUTH = 43.8700;
    private static final double STEP = 0.0005;
    private static final int SIDE = 20;
    private static final Coordinate LONE = new Coordinate(125.6, 44.1);

    @Autowired
    FeatureStore store;

    @Autowired
    LayerCatalog catalog;

    @Autowired
    TileService tiles;

    @BeforeAll
    void writeLayers() {
        write("dense-points", false);
        write("dense-mixed", true);
    }

    @Test
    void aTileWithMorePointsThanAllowedMergesThem() throws IOException {
        List<Geometry> drawn = features("dense-points", at(14, WEST + 0.005, SOUTH + 0.005));

        assertThat(drawn).isNotEmpty().allSatisfy(point -> assertThat(properties(point)).containsOnlyKeys("point_count"));
        assertThat(drawn.stream().mapToLong(point -> ((Number) properties(point).get("point_count")).longValue()).sum())
                .isEqualTo((long) SIDE * SIDE);
    }

    @Test
    void aTileOfTheSameLayerWithFewPointsDrawsThemInFull() throws IOException {
        List<Geometry> lone = features("dense-points", at(14, LONE.x, LONE.y));
        assertThat(lone).singleElement().satisfies(point -> assertThat(properties(point)).containsEntry("名称", "孤点")
                .doesNotContainKey("point_count"));

        List<Geometry> zoomedIn = features("dense-points", at(17, WEST + 0.0051, SOUTH + 0.0051));
        assertThat(zoomedIn).hasSizeBetween(10, 100)
                .allSatisfy(point -> assertThat(properties(point)).containsKey("名称").doesNotContainKey("point_count"));
    }

    @Test
    void theOtherFeaturesOfADenseTileAreDrawnInFull() throws IOException {
        List<Geometry> drawn = features("dense-mixed", at(14, WEST + 0.005, SOUTH + 0.005));

        assertThat(drawn).filteredOn(geometry -> geometry.getDimension() == 2).singleElement()
                .satisfies(parcel -> assertThat(properties(parcel)).containsEntry("名称", "地块"));
        List<Geometry> points = drawn.stream().filter(geometry -> geometry.getDimension() == 0).toList();
        assertThat(points).allSatisfy(point -> assertThat(properties(point)).containsOnlyKeys("point_count"));
        assertThat(points.stream().mapToLong(point -> ((Number) properties(point).get("point_count")).longValue()).sum())
                .isEqualTo((long) SIDE * SIDE);
    }

    /**
     * A tile of points and a parcel asks the store for the parcel after drawing the points; taking
     * turns, tiles asked for by eight clients at once all come, each with the features it has when
     * asked alone (in the order the store happens to give them).
     */
    @Test
    void tilesAskedForAtOnceTakeTheirTurnsAndAllCome() throws Exception {
        List<TileAddress> addresses = new ArrayList<>();
        for (int z = 12; z <= 17; z++) {
            addresses.add(at(z, WEST + 0.0051, SOUTH + 0.0051));
            addresses.add(at(z, LONE.x, LONE.y));
        }
        Map<TileAddress, List<String>> alone = new HashMap<>();
        for (TileAddress address : addresses) {
            alone.put(address, drawn(address));
        }
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> atOnce = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (TileAddress address : addresses) {
                    atOnce.add(clients.submit(() -> drawn(address)));
                }
            }
            for (int i = 0; i < atOnce.size(); i++) {
                assertThat(atOnce.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(alone.get(addresses.get(i % addresses.size())));
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(alone.values()).anySatisfy(features -> assertThat(features).hasSizeGreaterThan(1));
    }

    /** The features of the mixed layer's tile, each as its geometry and properties, sorted. */
    private List<String> drawn(TileAddress address) throws IOException {
        return features("dense-mixed", address).stream()
                .map(feature -> feature.toText() + " " + new TreeMap<>(properties(feature))).sorted().toList();
    }

    /** The tile of this zoom holding the point: the quadtree cell of that level, as the tiles count them. */
    private static TileAddress at(int z, double lon, double lat) {
        return new TileAddress(z, (int) PointCells.row(WebMercator.y(lat), z),
                (int) PointCells.column(WebMercator.x(lon), z));
    }

    private List<Geometry> features(String layerId, TileAddress address) throws IOException {
        LayerInfo layer = catalog.get(layerId);
        byte[] tile = tiles.tile(List.of(layer), address, tiles.etag(List.of(layer), address, false), false).bytes();
        JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(tile), new GeometryFactory(),
                new TagKeyValueMapConverter(), MvtReader.RING_CLASSIFIER_V2_1);
        List<Geometry> drawn = new ArrayList<>();
        for (JtsLayer mvtLayer : mvt.getLayers()) {
            drawn.addAll(mvtLayer.getGeometries());
        }
        return drawn;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Geometry feature) {
        return (Map<String, Object>) feature.getUserData();
    }

    /** The block of points and the lone point; with a parcel over the block's middle if {@code withParcel}. */
    private void write(String layerId, boolean withParcel) {
        GeometryFactory wgs84 = new GeometryFactory(new PrecisionModel(), 4326);
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < SIDE * SIDE; i++) {
            features.add(new Feature("p" + i, Map.of("名称", "点" + i), wgs84.createPoint(
                    new Coordinate(WEST + (i % SIDE) * STEP, SOUTH + (i / SIDE) * STEP))));
        }
        features.add(new Feature("lone", Map.of("名称", "孤点"), wgs84.createPoint(LONE)));
        if (withParcel) {
            features.add(new Feature("parcel", Map.of("名称", "地块"), wgs84.toGeometry(
                    new Envelope(WEST + 0.003, WEST + 0.006, SOUTH + 0.003, SOUTH + 0.006))));
        }
        store.writeLayer(new LayerSpec(new LayerDescription(layerId, LayerKind.IMPORTED, "密集的点", "Dense points",
                null, null, "test", "exact", null), List.of(new FieldSpec("名称", FieldType.STRING, "名称", "Name")),
                layerId), features.iterator(), WriteProgress.NONE);
    }
}
