package org.changchun.layout.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.changchun.layout.store.NativeTiles;
import org.changchun.layout.support.GisDataFixture;
import org.changchun.layout.support.TestStores;
import org.changchun.layout.support.TestStores.StoreUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL plans a tile statement once per connection, not once per tile: planning a district
 * tile again cost about as much as running it (docs/benchmarks.md). It keeps the generic plan only
 * if that plan does not look dearer than the plans made for each tile's values, which the
 * statement's shape decides; this test fails if a change of shape makes it plan every tile. A tile
 * of several layers is one statement (one round trip).
 */
class PostgisTilePlansTest {

    private static StoreUnderTest postgis;

    @BeforeAll
    static void load() {
        postgis = TestStores.create("postgis");
        GisDataFixture.load(postgis.store());
        TestStores.narrowToOneConnection(postgis);
    }

    @AfterAll
    static void close() {
        postgis.close();
    }

    @Test
    void aLayersTilesShareOnePlan() {
        assertThat(tilesAroundTheCentre(List.of("districts"))).as("tiles holding districts").isEqualTo(24);
        assertOnePlan(1);
    }

    @Test
    void aTileOfTheWholePlanIsOneStatementWithOnePlan() {
        List<String> plan = List.of("districts", "agri-belts", "major-zones", "corridors", "dev-zones", "projects");
        assertThat(tilesAroundTheCentre(plan)).as("tiles holding plan layers").isEqualTo(24);
        assertOnePlan(plan.size());
    }

    /** Draws 24 tiles around the centre of Changchun (125.32 E, 43.88 N), z10 to z15; returns how many hold features. */
    private static int tilesAroundTheCentre(List<String> layerIds) {
        NativeTiles tiles = postgis.store().nativeTiles().orElseThrow();
        List<NativeTiles.Layer> layers = layerIds.stream()
                .map(id -> new NativeTiles.Layer(postgis.store().layer(id).orElseThrow(), id, 0)).toList();
        int drawn = 0;
        for (int z = 10; z <= 15; z++) {
            int x = (int) Math.floor((125.32 + 180) / 360 * (1 << z));
            double lat = Math.toRadians(43.88);
            int y = (int) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * (1 << z));
            for (int[] step : new int[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}}) {
                drawn += tiles.tile(z, x + step[0], y + step[1], 4096, 64, layers).length > 0 ? 1 : 0;
            }
        }
        return drawn;
    }

    /**
     * The session holds one tile statement of this many MVT layers, made into a generic plan after
     * at most five plans for single tiles. The driver names (server-prepares) a statement from its
     * fifth run on, which is when the session shows it.
     */
    private static void assertOnePlan(int mvtLayers) {
        List<Map<String, Object>> statements = postgis.jdbc().queryForList(
                "SELECT generic_plans, custom_plans, statement FROM pg_prepared_statements WHERE statement LIKE '%ST_AsMVT(%'")
                .stream().filter(s -> ((String) s.get("statement")).split("ST_AsMVT\\(t\\.\\*").length - 1 == mvtLayers)
                .toList();
        assertThat(statements).as("tile statements of " + mvtLayers + " MVT layers in the session").hasSize(1);
        Map<String, Object> plans = statements.get(0);
        assertThat(((Number) plans.get("custom_plans")).longValue()).as("plans made for one tile").isLessThanOrEqualTo(5);
        assertThat(((Number) plans.get("generic_plans")).longValue()).as("runs of the one plan").isGreaterThanOrEqualTo(15);
    }
}
