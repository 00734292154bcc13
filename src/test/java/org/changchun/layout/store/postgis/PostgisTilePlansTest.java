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
 * PostgreSQL plans a layer's tile statement once per connection, not once per tile: planning a
 * district tile again cost about as much as running it (docs/benchmarks.md). It keeps the generic
 * plan only if that plan does not look dearer than the plans made for each tile's values, which
 * the statement's shape decides; this test fails if a change of shape makes it plan every tile.
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
        NativeTiles tiles = postgis.store().nativeTiles().orElseThrow();
        List<NativeTiles.Layer> districts = List.of(new NativeTiles.Layer("districts", "districts", 0));
        int drawn = 0;
        // 24 tiles around the centre of Changchun (125.32 E, 43.88 N), z10 to z15
        for (int z = 10; z <= 15; z++) {
            int x = (int) Math.floor((125.32 + 180) / 360 * (1 << z));
            double lat = Math.toRadians(43.88);
            int y = (int) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * (1 << z));
            for (int[] step : new int[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}}) {
                drawn += tiles.tile(z, x + step[0], y + step[1], 4096, 64, districts).length > 0 ? 1 : 0;
            }
        }
        assertThat(drawn).as("tiles holding districts").isEqualTo(24);

        // the driver names (server-prepares) a statement from its fifth run on; the session shows its plans
        Map<String, Object> plans = postgis.jdbc().queryForMap(
                "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE '%ST_AsMVT(%'");
        assertThat(((Number) plans.get("custom_plans")).longValue()).as("plans made for one tile").isLessThanOrEqualTo(5);
        assertThat(((Number) plans.get("generic_plans")).longValue()).as("runs of the one plan").isGreaterThanOrEqualTo(15);
    }
}
