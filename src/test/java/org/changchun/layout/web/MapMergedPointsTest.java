package org.changchun.layout.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.support.PointGrids;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
        // 100 points, each alone in its cell at zoom 8
        PointGrids.write(store, LAYER, "密集点", "Dense points", 100, 43.7);
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
