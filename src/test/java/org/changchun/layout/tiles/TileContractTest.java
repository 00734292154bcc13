package org.changchun.layout.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.store.NativeTiles;
import org.changchun.layout.store.WriteProgress;
import org.changchun.layout.support.GisDataFixture;
import org.changchun.layout.support.TestStores;
import org.changchun.layout.support.TestStores.StoreUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.util.unit.DataSize;

/**
 * The same tile from both stores decodes to the same features: PostGIS encodes it with
 * ST_AsMVT, the embedded store with the Java encoder.
 */
class TileContractTest {

    private static final List<String> LAYERS = List.of("districts", "agri-belts", "major-zones", "corridors",
            "dev-zones", "regional-zones", "regional-corridors", "sites", "projects");
    private static final String POINTS = "generated-points";
    private static final String MULTIPOINTS = "generated-multipoints";
    /** Points and polygons in one layer, as a project library holds them. */
    private static final String MIXED = "generated-points-and-polygons";

    private static StoreUnderTest postgis;
    private static StoreUnderTest h2gis;

    @BeforeAll
    static void loadBothStores() {
        postgis = TestStores.create("postgis");
        h2gis = TestStores.create("h2gis");
        GisDataFixture.load(postgis.store());
        GisDataFixture.load(h2gis.store());
        writePoints(postgis.store(), POINTS, 43.88);
        writePoints(h2gis.store(), POINTS, 43.88);
        writeMultipoints(postgis.store(), MULTIPOINTS);
        writeMultipoints(h2gis.store(), MULTIPOINTS);
        writePointsAndPolygons(postgis.store(), MIXED);
        writePointsAndPolygons(h2gis.store(), MIXED);
    }

    @AfterAll
    static void close() {
        postgis.close();
        h2gis.close();
    }

    @ParameterizedTest(name = "z{0}/{1}/{2} cell {3}")
    @CsvSource({
        "6, 23, 54, 0", "8, 93, 217, 0", "10, 372, 868, 0", "12, 1490, 3472, 0", "14, 5966, 13890, 0",
        "8, 93, 217, 16", "10, 372, 868, 64", "11, 745, 1736, 32"})
    void bothStoresEncodeTheSameFeatures(int z, int y, int x, int pointCell) throws IOException {
        assertSameFeatures(z, y, x, LAYERS, pointCell);
    }

    /** A layer of points only, as a point shapefile makes: thinned, the embedded store draws it from memory. */
    @ParameterizedTest(name = "z{0}/{1}/{2} cell {3}")
    @CsvSource({
        "7, 46, 108, 16", "8, 93, 217, 16", "10, 372, 868, 16", "12, 1490, 3472, 64", "12, 1490, 3472, 0",
        "14, 5966, 13890, 0"})
    void bothStoresEncodeTheSamePoints(int z, int y, int x, int pointCell) throws IOException {
        assertSameFeatures(z, y, x, List.of(POINTS), pointCell);
    }

    /**
     * A layer of multipoints, as a multipoint shapefile makes: each multipoint is one feature with
     * its attributes at every zoom, cut to the buffered tile, its points that land on the same grid
     * unit folded into one (as ST_AsMVTGeom folds them; one multipoint in ten repeats a point).
     * Only a layer's single points merge per cell.
     */
    @ParameterizedTest(name = "z{0}/{1}/{2} cell {3}")
    @CsvSource({
        "7, 46, 108, 16", "8, 93, 217, 16", "10, 372, 868, 16", "12, 1490, 3472, 64", "12, 1490, 3472, 0",
        "14, 5966, 13890, 0"})
    void bothStoresEncodeTheSameMultipoints(int z, int y, int x, int pointCell) throws IOException {
        Map<String, Drawn> drawn = assertSameFeatures(z, y, x, List.of(MULTIPOINTS), pointCell).get(MULTIPOINTS);

        assertThat(drawn.keySet()).as("whole multipoints, none merged").isNotEmpty().noneMatch(key -> key.startsWith("cell "));
    }

    /**
     * A layer of points and polygons: the polygons drawn with their attributes, the points merged per
     * cell (from memory in the Java encoder, counted by the statement in PostGIS).
     */
    @ParameterizedTest(name = "z{0}/{1}/{2} cell {3}")
    @CsvSource({"7, 46, 108, 16", "8, 93, 217, 16", "10, 372, 868, 16", "12, 1490, 3472, 64", "14, 5966, 13890, 0"})
    void bothStoresEncodeTheSamePointsAndPolygons(int z, int y, int x, int pointCell) throws IOException {
        Map<String, Drawn> drawn = assertSameFeatures(z, y, x, List.of(MIXED), pointCell).get(MIXED);

        assertThat(drawn.keySet()).as("polygons drawn whole").anyMatch(key -> key.startsWith("a"));
    }

    /**
     * On PostGIS, a layer of points and polygons whose points are held in memory: PostGIS draws only
     * the polygons (also between other layers, which it draws as always), the service appends the
     * cells it counted to that MVT layer, and the layer decodes as the one PostGIS draws counting the
     * points itself.
     */
    @ParameterizedTest(name = "z{0}/{1}/{2} cell {3}")
    @CsvSource({"7, 46, 108, 16", "8, 93, 217, 16", "10, 372, 868, 16", "11, 745, 1736, 32", "12, 1490, 3472, 64"})
    void pointsCountedInMemoryJoinTheFeaturesPostgisDraws(int z, int y, int x, int pointCell) throws IOException {
        MergedPoints memory = new MergedPoints(postgis.store(), DataSize.ofMegabytes(16));
        List<NativeTiles.Layer> layers = tileLayers(postgis, List.of("districts", MIXED, "projects"), pointCell);
        NativeTiles.Layer mixed = layers.get(1);
        memory.prepare(mixed.layer());
        NativeTiles store = postgis.store().nativeTiles().orElseThrow();
        Map<String, Map<String, Drawn>> expected = decode(store.tile(z, x, y, 4096, 64, layers));
        byte[] pointsLeftOut = store.tile(z, x, y, 4096, 64,
                List.of(layers.get(0), mixed.withPointsDrawnElsewhere(), layers.get(2)));
        MergedPointTile cells = memory.counted(mixed.layer(), z, x, y, 4096, 64, pointCell).orElseThrow();

        assertThat(memory.held()).as("layers whose points are held").isEqualTo(1);
        assertThat(expected.get(MIXED).keySet()).as("polygons and merged points")
                .anyMatch(key -> key.startsWith("a")).anyMatch(key -> key.startsWith("cell "));
        Map<String, Map<String, Drawn>> withoutPoints = decode(pointsLeftOut);
        Map<String, Drawn> mixedButCells = new TreeMap<>(expected.get(MIXED));
        mixedButCells.keySet().removeIf(key -> key.startsWith("cell "));
        assertThat(withoutPoints.get(MIXED)).as("the store drew the layer without its merged points")
                .isNotEmpty().isEqualTo(mixedButCells);
        assertThat(withoutPoints).as("the other layers as always")
                .containsEntry("districts", expected.get("districts")).containsEntry("projects", expected.get("projects"));
        byte[] mixedAlone = store.tile(z, x, y, 4096, 64, List.of(mixed.withPointsDrawnElsewhere()));
        assertThat(decode(cells.appendedTo(mixedAlone, mixed.mvtLayerName(), 4096)))
                .as("the cells appended in memory to the layer the store drew")
                .isEqualTo(Map.of(MIXED, expected.get(MIXED)));
    }

    /** The Java encoder, too, leaves out the merged points a caller draws elsewhere, and keeps the rest. */
    @ParameterizedTest(name = "z{0}/{1}/{2} cell {3}")
    @CsvSource({"8, 93, 217, 16", "12, 1490, 3472, 64"})
    void bothStoresLeaveOutPointsDrawnElsewhere(int z, int y, int x, int pointCell) throws IOException {
        for (StoreUnderTest store : List.of(postgis, h2gis)) {
            NativeTiles.Layer mixed = tileLayers(store, List.of(MIXED), pointCell).get(0);
            NativeTiles encoder = store.store().nativeTiles()
                    .orElseGet(() -> new JavaTileEncoder(store.store(), new MergedPoints(store.store(), DataSize.ofBytes(0))));
            Map<String, Drawn> all = decode(encoder.tile(z, x, y, 4096, 64, List.of(mixed))).get(MIXED);
            Map<String, Drawn> leftOut = decode(encoder.tile(z, x, y, 4096, 64,
                    List.of(mixed.withPointsDrawnElsewhere()))).get(MIXED);

            Map<String, Drawn> allButCells = new TreeMap<>(all);
            allButCells.keySet().removeIf(key -> key.startsWith("cell "));

            assertThat(all.keySet()).as("%s: polygons and merged points", store.kind())
                    .anyMatch(key -> key.startsWith("a")).anyMatch(key -> key.startsWith("cell "));
            assertThat(leftOut).as("%s: the layer without its merged points", store.kind()).isEqualTo(allButCells);
        }
    }

    @ParameterizedTest(name = "z{0}/{1}/{2} cell {3}")
    @CsvSource({"7, 46, 108, 16", "8, 93, 217, 16", "10, 372, 868, 16", "11, 745, 1736, 32", "12, 1490, 3472, 64"})
    void pointsMergedFromMemoryMakeTheTileTheStoreWouldMake(int z, int y, int x, int pointCell) {
        List<NativeTiles.Layer> layers = tileLayers(h2gis, List.of(POINTS), pointCell);
        MergedPoints noMemory = new MergedPoints(h2gis.store(), DataSize.ofBytes(0));
        MergedPoints memory = new MergedPoints(h2gis.store(), DataSize.ofMegabytes(16));
        byte[] read = new JavaTileEncoder(h2gis.store(), noMemory).tile(z, x, y, 4096, 64, layers);
        byte[] merged = new JavaTileEncoder(h2gis.store(), memory).tile(z, x, y, 4096, 64, layers);

        assertThat(memory.held()).as("layers whose points are held").isEqualTo(1);
        assertThat(noMemory.held()).as("layers whose points are held with no memory for them").isZero();
        assertThat(merged).isNotEmpty().isEqualTo(read);
    }

    /**
     * On PostGIS, the points held in memory draw the layer the store would draw: the service joins
     * that layer to the ones PostGIS encodes.
     */
    @ParameterizedTest(name = "z{0}/{1}/{2} cell {3}")
    @CsvSource({"5, 11, 27, 16", "7, 46, 108, 16", "8, 93, 217, 16", "10, 372, 868, 16", "11, 745, 1736, 32",
        "12, 1490, 3472, 64", "12, 1491, 3473, 16"})
    void pointsHeldInMemoryDrawWhatPostgisDraws(int z, int y, int x, int pointCell) throws IOException {
        MergedPoints memory = new MergedPoints(postgis.store(), DataSize.ofMegabytes(16));
        NativeTiles.Layer layer = tileLayers(postgis, List.of(POINTS), pointCell).get(0);
        memory.prepare(layer.layer());
        byte[] fromStore = postgis.store().nativeTiles().orElseThrow().tile(z, x, y, 4096, 64, List.of(layer));
        byte[] fromMemory = memory.tileLayer(layer.layer(), POINTS, z, x, y, 4096, 64, pointCell).orElseThrow();

        Map<String, Map<String, Drawn>> expected = decode(fromStore);
        Map<String, Map<String, Drawn>> actual = decode(fromMemory);
        assertThat(expected).as("PostGIS drew points").isNotEmpty();
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        assertThat(actual.get(POINTS).keySet()).isEqualTo(expected.get(POINTS).keySet());
        expected.get(POINTS).forEach((cell, drawn) -> assertThat(actual.get(POINTS).get(cell).attributes())
                .as(cell).isEqualTo(drawn.attributes()));
    }

    @Test
    void aWriteToAPointLayerIsInItsNextTile() throws IOException {
        JavaTileEncoder encoder = new JavaTileEncoder(h2gis.store(), new MergedPoints(h2gis.store(), DataSize.ofMegabytes(16)));
        writePoints(h2gis.store(), "moving-points", 43.88);
        byte[] before = encoder.tile(8, 217, 93, 4096, 64, tileLayers(h2gis, List.of("moving-points"), 16));
        // every point 0.5 degrees further north: the same tile now holds them elsewhere
        writePoints(h2gis.store(), "moving-points", 44.38);
        byte[] after = encoder.tile(8, 217, 93, 4096, 64, tileLayers(h2gis, List.of("moving-points"), 16));
        byte[] fromStore = new JavaTileEncoder(h2gis.store(), new MergedPoints(h2gis.store(), DataSize.ofBytes(0)))
                .tile(8, 217, 93, 4096, 64, tileLayers(h2gis, List.of("moving-points"), 16));

        assertThat(after).isNotEqualTo(before).isEqualTo(fromStore);
        assertThat(decode(after).get("moving-points").values().stream()
                .mapToLong(drawn -> (Long) drawn.attributes().get("point_count")).sum())
                .as("points in the tile").isPositive();
    }

    /** Returns what PostGIS drew, by layer and feature (or cell). */
    private static Map<String, Map<String, Drawn>> assertSameFeatures(int z, int y, int x, List<String> layerIds,
                                                                      int pointCell) throws IOException {
        byte[] native_ = postgis.store().nativeTiles().orElseThrow().tile(z, x, y, 4096, 64,
                tileLayers(postgis, layerIds, pointCell));
        byte[] java = new JavaTileEncoder(h2gis.store(), new MergedPoints(h2gis.store(), DataSize.ofMegabytes(16))).tile(z, x, y, 4096, 64,
                tileLayers(h2gis, layerIds, pointCell));

        Map<String, Map<String, Drawn>> fromPostgis = decode(native_);
        Map<String, Map<String, Drawn>> fromJava = decode(java);
        assertThat(fromJava.keySet()).isEqualTo(fromPostgis.keySet());
        assertThat(fromPostgis).isNotEmpty();
        for (String layer : fromPostgis.keySet()) {
            Map<String, Drawn> expected = fromPostgis.get(layer);
            Map<String, Drawn> actual = fromJava.get(layer);
            assertThat(actual.keySet()).as(layer).isEqualTo(expected.keySet());
            for (String id : expected.keySet()) {
                Drawn e = expected.get(id);
                Drawn a = actual.get(id);
                assertThat(a.attributes()).as(layer + "/" + id).isEqualTo(e.attributes());
                // a part that snapping shrinks to a sliver may survive in one and not the other
                assertThat(a.geometry().getDimension()).as(layer + "/" + id).isEqualTo(e.geometry().getDimension());
                // both snap to the same grid; simplification may differ by a few grid units
                assertThat(a.geometry().getArea()).as(layer + "/" + id + " area")
                        .isCloseTo(e.geometry().getArea(), within(Math.max(64.0, e.geometry().getArea() * 0.02)));
                assertThat(a.geometry().getCentroid().distance(e.geometry().getCentroid())).as(layer + "/" + id)
                        .isLessThan(8.0);
            }
        }
        return fromPostgis;
    }

    private static List<NativeTiles.Layer> tileLayers(StoreUnderTest store, List<String> layerIds, int pointCell) {
        return layerIds.stream()
                .map(id -> new NativeTiles.Layer(store.store().layer(id).orElseThrow(), id, pointCell))
                .toList();
    }

    /** 20,000 points around a centre, denser near it, as the benchmark generates its projects. */
    private static void writePoints(FeatureStore store, String layerId, double centreLatitude) {
        Random random = new Random(7);
        GeometryFactory wgs84 = new GeometryFactory(new PrecisionModel(), 4326);
        List<Feature> points = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Point point = wgs84.createPoint(new Coordinate(125.32 + random.nextGaussian() * 0.3,
                    centreLatitude + random.nextGaussian() * 0.2));
            points.add(new Feature("p" + i, Map.of("名称", "项目" + i), point));
        }
        store.writeLayer(new LayerSpec(new LayerDescription(layerId, LayerKind.IMPORTED, "生成的点", "Generated points",
                null, null, "test", "exact", null), List.of(new FieldSpec("名称", FieldType.STRING, "名称", "Name")),
                layerId + centreLatitude), points.iterator(), WriteProgress.NONE);
    }

    /** 20,000 points as {@link #writePoints} writes them, then 400 parcels of about 300 metres around the same centre. */
    private static void writePointsAndPolygons(FeatureStore store, String layerId) {
        Random random = new Random(13);
        GeometryFactory wgs84 = new GeometryFactory(new PrecisionModel(), 4326);
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            features.add(new Feature("p" + i, Map.of("名称", "项目" + i), wgs84.createPoint(new Coordinate(
                    125.32 + random.nextGaussian() * 0.3, 43.88 + random.nextGaussian() * 0.2))));
        }
        for (int i = 0; i < 400; i++) {
            double west = 125.32 + random.nextGaussian() * 0.3;
            double south = 43.88 + random.nextGaussian() * 0.2;
            features.add(new Feature("a" + i, Map.of("名称", "地块" + i), wgs84.toGeometry(
                    new Envelope(west, west + 0.004, south, south + 0.003))));
        }
        store.writeLayer(new LayerSpec(new LayerDescription(layerId, LayerKind.IMPORTED, "生成的点和面",
                "Generated points and polygons", null, null, "test", "exact", null),
                List.of(new FieldSpec("名称", FieldType.STRING, "名称", "Name")), layerId), features.iterator(),
                WriteProgress.NONE);
    }

    /**
     * 5,000 multipoints of one to six points each around the centre, a few hundred metres across;
     * one in ten repeats a point.
     */
    private static void writeMultipoints(FeatureStore store, String layerId) {
        Random random = new Random(11);
        GeometryFactory wgs84 = new GeometryFactory(new PrecisionModel(), 4326);
        List<Feature> multipoints = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            double lon = 125.32 + random.nextGaussian() * 0.3;
            double lat = 43.88 + random.nextGaussian() * 0.2;
            List<Coordinate> coordinates = new ArrayList<>();
            for (int p = 1 + random.nextInt(6); p > 0; p--) {
                coordinates.add(new Coordinate(lon + random.nextGaussian() * 0.003, lat + random.nextGaussian() * 0.003));
            }
            if (i % 10 == 0) {
                coordinates.add(coordinates.get(0));
            }
            multipoints.add(new Feature("m" + i, Map.of("名称", "站点" + i),
                    wgs84.createMultiPointFromCoords(coordinates.toArray(Coordinate[]::new))));
        }
        store.writeLayer(new LayerSpec(new LayerDescription(layerId, LayerKind.IMPORTED, "生成的多点", "Generated multipoints",
                null, null, "test", "exact", null), List.of(new FieldSpec("名称", FieldType.STRING, "名称", "Name")),
                layerId), multipoints.iterator(), WriteProgress.NONE);
    }

    private record Drawn(Map<String, Object> attributes, Geometry geometry) {
    }

    /** Layer → feature key → what is drawn; thinned points are keyed by their cell. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Drawn>> decode(byte[] tile) throws IOException {
        Map<String, Map<String, Drawn>> layers = new TreeMap<>();
        if (tile.length == 0) {
            return layers;
        }
        JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(tile), new GeometryFactory(),
                new TagKeyValueMapConverter(), MvtReader.RING_CLASSIFIER_V2_1);
        for (JtsLayer layer : mvt.getLayers()) {
            Map<String, Drawn> features = new TreeMap<>();
            for (Geometry geometry : layer.getGeometries()) {
                Map<String, Object> attributes = new TreeMap<>((Map<String, Object>) geometry.getUserData());
                attributes.replaceAll((k, v) -> v instanceof Number n && !(v instanceof Double) ? n.longValue() : v);
                String key = attributes.containsKey("point_count")
                        ? "cell " + geometry.getCoordinate().x + " " + geometry.getCoordinate().y
                        : (String) attributes.get("id");
                assertThat(features.put(key, new Drawn(attributes, geometry))).as(layer.getName() + ": " + key + " drawn twice")
                        .isNull();
            }
            layers.put(layer.getName(), features);
        }
        return layers;
    }
}
