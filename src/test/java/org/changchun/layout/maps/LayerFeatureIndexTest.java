package org.changchun.layout.maps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The maps' in-memory features answer as the store does, and follow an edit of the layer. */
@SpringBootTest
class LayerFeatureIndexTest {

    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    @Autowired
    LayerFeatureIndex index;

    @Autowired
    FeatureStore store;

    @Autowired
    LayerCatalog catalog;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.register("h2gis", registry);
    }

    @Test
    void boxesGetTheFeaturesTheStoreGivesInItsOrder() {
        Random random = new Random(11);
        for (String layer : List.of("districts", "dev-zones", "projects", "sites", "regional-corridors")) {
            for (int i = 0; i < 40; i++) {
                double lon = 124.5 + random.nextDouble() * 2;
                double lat = 43.4 + random.nextDouble() * 1.6;
                double size = 0.01 + random.nextDouble() * 0.6;
                Geometry box = GEOMETRIES.toGeometry(new Envelope(lon, lon + size, lat, lat + size * 0.7));
                assertThat(ids(index.intersecting(catalog.get(layer), box, 1_000)))
                        .as("%s in %s", layer, box).isEqualTo(ids(store.intersecting(layer, box, 1_000)));
            }
        }
        Geometry city = GEOMETRIES.toGeometry(new Envelope(124, 127.1, 43, 45.3));
        assertThat(index.intersecting(catalog.get("projects"), city, 5)).hasSize(5);
    }

    @Test
    void anEditedFeatureIsDrawnWhereItIsNow() {
        Geometry box = GEOMETRIES.toGeometry(new Envelope(125.9, 126.0, 44.9, 45.0));
        assertThat(ids(index.intersecting(catalog.get("projects"), box, 100))).doesNotContain("p001");

        Feature project = store.feature("projects", "p001").orElseThrow();
        store.saveFeature("projects", new Feature("p001", project.properties(),
                GEOMETRIES.createPoint(new org.locationtech.jts.geom.Coordinate(125.95, 44.95))));

        assertThat(ids(index.intersecting(catalog.get("projects"), box, 100))).containsExactly("p001");
    }

    private static List<String> ids(List<Feature> features) {
        return features.stream().map(Feature::id).toList();
    }
}
