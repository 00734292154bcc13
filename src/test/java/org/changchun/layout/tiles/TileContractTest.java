package org.changchun.layout.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.changchun.layout.store.NativeTiles;
import org.changchun.layout.support.GisDataFixture;
import org.changchun.layout.support.TestStores;
import org.changchun.layout.support.TestStores.StoreUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The same tile from both stores decodes to the same features: PostGIS encodes it with
 * ST_AsMVT, the embedded store with the Java encoder.
 */
class TileContractTest {

    private static final List<String> LAYERS = List.of("districts", "agri-belts", "major-zones", "corridors",
            "dev-zones", "projects");

    private static StoreUnderTest postgis;
    private static StoreUnderTest h2gis;

    @BeforeAll
    static void loadBothStores() {
        postgis = TestStores.create("postgis");
        h2gis = TestStores.create("h2gis");
        GisDataFixture.load(postgis.store());
        GisDataFixture.load(h2gis.store());
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
        List<NativeTiles.Layer> layers = LAYERS.stream().map(id -> new NativeTiles.Layer(id, id, pointCell)).toList();
        byte[] native_ = postgis.store().nativeTiles().orElseThrow().tile(z, x, y, 4096, 64, layers);
        byte[] java = new JavaTileEncoder(h2gis.store()).tile(z, x, y, 4096, 64, layers);

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
                features.put(key, new Drawn(attributes, geometry));
            }
            layers.put(layer.getName(), features);
        }
        return layers;
    }
}
