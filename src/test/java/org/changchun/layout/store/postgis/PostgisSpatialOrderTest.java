package org.changchun.layout.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.query.FeatureQuery;
import org.changchun.layout.store.WriteProgress;
import org.changchun.layout.store.jdbc.BulkLoader;
import org.changchun.layout.support.TestStores;
import org.changchun.layout.support.TestStores.StoreUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A layer written to PostGIS is stored in the order of its geometries: the points of one tile or
 * one box then lie on a few pages, not one page each (at ten million points, z13-z14 tiles went from
 * 56 to 114 a second at 16 connections: docs/benchmarks.md), sorted on their way in (in memory, or in
 * runs spilled to disk and merged). Features that come in that order already, as parcels delivered row
 * by row, are stored as they came. Either way the stored table is an ordinary logged one, so a standby
 * receives it.
 */
class PostgisSpatialOrderTest {

    private static final GeometryFactory WGS84 = new GeometryFactory();

    @Test
    void aLayerIsStoredInTheOrderOfItsGeometriesAndLogged() {
        try (StoreUnderTest postgis = TestStores.create("postgis")) {
            List<Feature> shuffled = new ArrayList<>();
            Random random = new Random(7);
            for (int i = 0; i < 12_000; i++) {
                shuffled.add(new Feature("p" + i, Map.of("name_zh", "点" + i), WGS84.createPoint(
                        new Coordinate(124.5 + 2 * random.nextDouble(), 43.3 + 1.5 * random.nextDouble()))));
            }
            LayerInfo written = postgis.store().writeLayer(new LayerSpec(new LayerDescription("pois", LayerKind.IMPORTED,
                    "兴趣点", "Points of interest", null, null, "test", "exact", null),
                    List.of(new FieldSpec("name_zh", FieldType.STRING, "名称", "Name")), "v1"),
                    shuffled.iterator(), WriteProgress.NONE);
            String table = "lv_" + written.version();

            List<Coordinate> stored = postgis.jdbc().query("SELECT ST_X(geom), ST_Y(geom) FROM " + table + " ORDER BY ctid",
                    (rows, n) -> new Coordinate(rows.getDouble(1), rows.getDouble(2)));
            List<Coordinate> given = shuffled.stream().map(f -> f.geometry().getCoordinate()).toList();
            assertThat(stored).hasSize(given.size());
            assertThat(pathLength(stored)).as("the walk through the table in storage order, in degrees")
                    .isLessThan(pathLength(given) / 20);

            assertThat(postgis.jdbc().queryForObject("SELECT relpersistence FROM pg_class WHERE relname = ?",
                    String.class, table)).as("p: permanent (logged)").isEqualTo("p");
            assertThat(postgis.jdbc().queryForObject("SELECT COUNT(*) FROM pg_class WHERE relname LIKE ?",
                    Integer.class, table + "%")).as("the table and its id and spatial indexes, no leftover").isEqualTo(3);
            assertThat(postgis.store().query(new FeatureQuery("pois", Optional.empty(), null, List.of(), 10, 0))
                    .numberMatched()).isEqualTo(12_000);
            assertThat(postgis.store().feature("pois", "p4321")).map(f -> f.properties().get("name_zh")).contains("点4321");
        }
    }

    @Test
    void parcelsThatComeRowByRowAreStoredAsTheyCameAndLogged() {
        try (StoreUnderTest postgis = TestStores.create("postgis")) {
            List<Feature> parcels = new ArrayList<>();
            for (int i = 0; i < 15_000; i++) {
                double x = 125.0 + (i % 120) * 0.00125;
                double y = 43.8 + (i / 120) * 0.0009;
                parcels.add(new Feature("dk" + i, Map.of("name_zh", "地块" + i),
                        WGS84.toGeometry(new Envelope(x, x + 0.001, y, y + 0.0007))));
            }
            LayerInfo written = postgis.store().writeLayer(new LayerSpec(new LayerDescription("parcels",
                    LayerKind.IMPORTED, "地块", "Parcels", null, null, "test", "exact", null),
                    List.of(new FieldSpec("name_zh", FieldType.STRING, "名称", "Name")), "v1"),
                    parcels.iterator(), WriteProgress.NONE);
            String table = "lv_" + written.version();

            assertThat(postgis.jdbc().queryForList("SELECT id FROM " + table + " ORDER BY ctid", String.class))
                    .as("storage order: the order they came in").containsExactlyElementsOf(
                            parcels.stream().map(Feature::id).toList());
            assertThat(postgis.jdbc().queryForObject("SELECT relpersistence FROM pg_class WHERE relname = ?",
                    String.class, table)).as("p: permanent (logged)").isEqualTo("p");
            assertThat(postgis.jdbc().queryForObject("SELECT COUNT(*) FROM pg_class WHERE relname LIKE ?",
                    Integer.class, table + "%")).as("the table and its id and spatial indexes, no leftover").isEqualTo(3);
            Geometry box = WGS84.toGeometry(new Envelope(125.01, 125.02, 43.81, 43.82));
            assertThat(postgis.store().intersecting("parcels", box, 1_000)).as("found through the spatial index")
                    .hasSize((int) parcels.stream().filter(parcel -> parcel.geometry().intersects(box)).count());
        }
    }

    @Test
    void rowsSpilledInSortedRunsReachTheTableInKeyOrderAndACancelledLoadLeavesTheConnectionUsable(@TempDir Path spill)
            throws Exception {
        try (StoreUnderTest postgis = TestStores.create("postgis");
             Connection connection = postgis.jdbc().getDataSource().getConnection()) {
            // runs of 2 KB: 5,000 rows of about 20 bytes spill some fifty runs, merged on the way to the table
            PostgisCopyLoader loader = new PostgisCopyLoader(2_048, 1_000);
            List<String> columns = List.of("id", "n");
            Random random = new Random(3);
            List<long[]> given = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                given.add(new long[] {random.nextInt(1_000) * 7_919L, i});
            }
            connection.setAutoCommit(false);
            connection.createStatement().execute("CREATE TABLE sorted_rows (id text, n bigint)");
            BulkLoader.Load load = loader.openInKeyOrder(connection, "sorted_rows", columns, spill);
            writeAll(load, given);
            load.finish();
            connection.commit();
            List<Long> stored = postgis.jdbc().queryForList("SELECT n FROM sorted_rows ORDER BY ctid", Long.class);
            assertThat(stored).as("by key, rows of one key in the order they came").containsExactlyElementsOf(
                    given.stream().sorted(Comparator.comparingLong(row -> row[0])).map(row -> row[1]).toList());
            assertNoSpillFileIn(spill);

            connection.createStatement().execute("CREATE TABLE cancelled_rows (id text, n bigint)");
            BulkLoader.Load cancelled = loader.openInKeyOrder(connection, "cancelled_rows", columns, spill);
            writeAll(cancelled, given);
            cancelled.cancel();
            connection.rollback();
            assertThat(postgis.jdbc().queryForObject("SELECT to_regclass('cancelled_rows') IS NULL", Boolean.class))
                    .as("rolled back, the connection free again").isTrue();
            assertNoSpillFileIn(spill);
        }
    }

    /** Each row (key, n) as the row ("r" + n, n) under its key. */
    private static void writeAll(BulkLoader.Load load, List<long[]> rows) throws SQLException {
        for (long[] row : rows) {
            load.write(new Object[] {"r" + row[1], row[1]}, row[0]);
        }
    }

    private static void assertNoSpillFileIn(Path spill) throws IOException {
        try (Stream<Path> left = Files.list(spill)) {
            assertThat(left).as("no spill file left").isEmpty();
        }
    }

    private static double pathLength(List<Coordinate> walk) {
        double length = 0;
        for (int i = 1; i < walk.size(); i++) {
            length += walk.get(i).distance(walk.get(i - 1));
        }
        return length;
    }
}
