package org.changchun.layout.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.changchun.layout.store.Feature;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.FieldSpec;
import org.changchun.layout.store.FieldType;
import org.changchun.layout.store.LayerDescription;
import org.changchun.layout.store.LayerKind;
import org.changchun.layout.store.LayerSpec;
import org.changchun.layout.store.WriteProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A big point layer at low zoom, where the server merges its points per grid cell (a pixel or so
 * apart): each cell shades its own few pixels, so the page shows where points are dense instead
 * of one solid patch of overlapping dots. Here a layer over 50 features counts as big.
 */
@TestPropertySource(properties = "plan.tiles.thin-above=50")
class MapMergedPointsTest extends BrowserTest {

    private static final String LAYER = "dense-points";

    @Autowired
    FeatureStore store;

    @BeforeAll
    void writeAPointLayer() {
        // 100 points 0.05 degrees apart, about 9 pixels at zoom 8: each alone in its cell
        GeometryFactory wgs84 = new GeometryFactory(new PrecisionModel(), 4326);
        List<Feature> points = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            points.add(new Feature("p" + i, Map.of("名称", "点" + i), wgs84.createPoint(
                    new Coordinate(125.1 + (i % 10) * 0.05, 43.7 + (i / 10) * 0.05))));
        }
        store.writeLayer(new LayerSpec(new LayerDescription(LAYER, LayerKind.IMPORTED, "密集点", "Dense points", null,
                null, "test", "exact", null), List.of(new FieldSpec("名称", FieldType.STRING, "名称", "Name")), "dense"),
                points.iterator(), WriteProgress.NONE);
    }

    @Test
    void aMergedPointPaintsOnlyItsCell() {
        browser.open("/?view=8/43.88/125.32&layers=" + LAYER);
        browser.waitUntil("merged points drawn", () -> browser.drawnFeatures(LAYER) > 0);
        browser.waitForMap();
        browser.screenshot("map-merged-points");
        long cells = browser.drawnFeatures(LAYER);
        long painted = browser.paintedPixels(LAYER);

        assertThat(cells).as("cells drawn").isGreaterThanOrEqualTo(100);
        // a 2×2 square, antialiased into at most 3×3 pixels; the dot of 4 px radius drawn before covered about 50
        assertThat(painted).as("painted pixels").isPositive().isLessThanOrEqualTo(9 * cells);
        assertThat(browser.errors()).isEmpty();
    }
}
