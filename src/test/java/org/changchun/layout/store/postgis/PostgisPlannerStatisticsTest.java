package org.changchun.layout.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.store.WriteProgress;
import org.changchun.layout.store.jdbc.JdbcFeatureStore;
import org.changchun.layout.support.TestStores;
import org.changchun.layout.support.TestStores.StoreUnderTest;
import org.changchun.layout.support.Waiting;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A written layer has planner statistics at once, and the links moments later: autovacuum analyzes
 * a new table only a while later and never the partitioned links table, and without statistics
 * PostgreSQL joined a district's links to its features one by one (0.63 s for 123,000 features of a
 * million) where a hash join took 0.25 s.
 */
class PostgisPlannerStatisticsTest {

    private static final GeometryFactory WGS84 = new GeometryFactory();
    private static final List<FieldSpec> NAME = List.of(new FieldSpec("name_zh", FieldType.STRING, "名称", "Name"));

    @Test
    void aWrittenLayerHasStatisticsAtOnceAndItsLinksMomentsLater() throws InterruptedException {
        try (StoreUnderTest postgis = TestStores.create("postgis")) {
            LayerInfo written = writeZoneAndPoints(postgis);

            assertThat(statisticsOf("lv_" + written.version(), postgis)).as("columns of the new table with statistics")
                    .isGreaterThanOrEqualTo(2);
            // gathered beside what follows the write (LinkTables.gatherStatisticsSoon)
            Waiting.until(Duration.ofSeconds(30), () -> statisticsOf("feature_link", postgis) >= 4);
        }
    }

    /** A command-line import closes the store right after its write: the links' statistics must not be lost. */
    @Test
    void closingTheStoreRightAfterAWriteWaitsForTheLinksStatistics() {
        try (StoreUnderTest postgis = TestStores.create("postgis")) {
            writeZoneAndPoints(postgis);

            ((JdbcFeatureStore) postgis.store()).close();

            assertThat(statisticsOf("feature_link", postgis)).as("columns of the links with statistics")
                    .isGreaterThanOrEqualTo(4);
        }
    }

    private static LayerInfo writeZoneAndPoints(StoreUnderTest postgis) {
        postgis.store().writeLayer(spec("zones", LayerKind.PLAN_AREA), List.of(new Feature("z1",
                Map.of("name_zh", "全域"), WGS84.toGeometry(new Envelope(124, 127, 43, 45)))).iterator(),
                WriteProgress.NONE);
        List<Feature> points = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            points.add(new Feature("p" + i, Map.of("name_zh", "点" + i),
                    WGS84.createPoint(new Coordinate(124.5 + i / 1_000d, 43.5))));
        }
        return postgis.store().writeLayer(spec("pois", LayerKind.IMPORTED), points.iterator(), WriteProgress.NONE);
    }

    private static int statisticsOf(String table, StoreUnderTest postgis) {
        return postgis.jdbc().queryForObject("SELECT COUNT(*) FROM pg_stats WHERE tablename = ?", Integer.class, table);
    }

    private static LayerSpec spec(String id, LayerKind kind) {
        return new LayerSpec(new LayerDescription(id, kind, "图层 " + id, "Layer " + id, null, null, "test", "exact",
                null), NAME, "v1");
    }
}
