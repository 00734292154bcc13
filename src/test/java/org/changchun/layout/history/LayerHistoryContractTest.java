package org.changchun.layout.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.query.InvalidQueryException;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.WriteProgress;
import org.changchun.layout.support.TestStores;
import org.changchun.layout.support.TestStores.StoreUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * What differs between two versions of a layer, and which versions retention keeps, on H2GIS and
 * PostGIS alike: the same changes, the same measures (to 0.1 m² and 0.1 m), the same versions.
 * Expected areas and distances are computed here with GeographicLib from the boxes' corners, not
 * from the geometries the service returns.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2gis", "postgis"})
class LayerHistoryContractTest {

    private static final List<FieldSpec> PLOT_FIELDS = List.of(
            new FieldSpec("code", FieldType.STRING, "编号", "Code"),
            new FieldSpec("name", FieldType.STRING, "名称", "Name"),
            new FieldSpec("area_ha", FieldType.NUMBER, null, null));

    @Parameter
    String kind;

    private StoreUnderTest subject;

    @AfterEach
    void closeStore() {
        if (subject != null) {
            subject.close();
        }
    }

    private FeatureStore store(int keep, Optional<Duration> maxAge) {
        subject = TestStores.create(kind, keep, maxAge, Duration.ofMinutes(10));
        return subject.store();
    }

    private VersionComparisons comparisons() {
        return new VersionComparisons(TestStores.history(subject));
    }

    @Test
    void aReimportWithThreeAddedTwoRemovedAndFourChangedGivesExactlyThoseWithTheirAreas() {
        FeatureStore store = store(10, Optional.empty());
        long v1 = write(store, "plots", PLOT_FIELDS, "alice", plots(List.of(
                plot("A", "甲", box(125.00, 43.80, 0.01, 0.01)),
                plot("B", "乙", box(125.02, 43.80, 0.01, 0.01)),
                plot("C", "丙", box(125.04, 43.80, 0.01, 0.01)),
                plot("D", "丁", box(125.06, 43.80, 0.01, 0.01)),
                plot("E", "戊", box(125.08, 43.80, 0.01, 0.01)),
                plot("F", "己", box(125.10, 43.80, 0.02, 0.01)),
                plot("G", "庚", box(125.13, 43.80, 0.01, 0.01)),
                plot("H", "辛", box(125.15, 43.80, 0.01, 0.01)),
                plot("I", "壬", box(125.17, 43.80, 0.01, 0.01)),
                plot("J", "癸", box(125.19, 43.80, 0.01, 0.01)))));
        // an import numbers features anew: the same plots get other ids
        long v2 = write(store, "plots", PLOT_FIELDS, "bob", plots(List.of(
                plot("K", "子", box(125.00, 43.85, 0.01, 0.01)),
                plot("A", "甲", box(125.00, 43.80, 0.01, 0.01)),
                plot("D", "丁（改）", box(125.06, 43.80, 0.01, 0.01)),
                plot("E", "戊", box(125.08, 43.80, 0.02, 0.01)),       // grown to the east
                plot("F", "己", box(125.10, 43.80, 0.01, 0.01)),       // shrunk from the east
                plot("G", "庚", box(125.135, 43.80, 0.01, 0.01)),      // moved east by half its width
                plot("H", "辛", rotated(box(125.15, 43.80, 0.01, 0.01))), // the same square, another first vertex
                plot("I", "壬", box(125.17, 43.80, 0.01, 0.01)),
                plot("J", "癸", box(125.19, 43.80, 0.01, 0.01)),
                plot("L", "丑", box(125.02, 43.85, 0.01, 0.01)),
                plot("M", "寅", box(125.04, 43.85, 0.01, 0.01)))));

        Comparison comparison = comparisons().prepare("plots", Optional.of(v1), Optional.of(v2), Optional.of("code"));
        Map<String, VersionComparisons.MeasuredChange> changes = changes(comparison);

        assertThat(byKind(changes, ChangeKind.ADDED)).containsExactly("K", "L", "M");
        assertThat(byKind(changes, ChangeKind.REMOVED)).containsExactly("B", "C");
        assertThat(byKind(changes, ChangeKind.CHANGED)).containsExactly("D", "E", "F", "G");
        assertThat(changes.get("D").change().changedFields()).containsExactly("name");
        assertThat(changes.get("D").change().before()).containsEntry("name", "丁");
        assertThat(changes.get("D").change().after()).containsEntry("name", "丁（改）");
        assertThat(changes.get("D").geometry()).as("only its name changed").isNull();
        assertThat(changes.get("E").change().changedFields()).isEmpty();
        assertThat(changes.get("E").geometry().areaGainedM2()).isCloseTo(area(box(125.09, 43.80, 0.01, 0.01)), within(0.2));
        assertThat(changes.get("E").geometry().areaLostM2()).isZero();
        assertThat(changes.get("F").geometry().areaGainedM2()).isZero();
        assertThat(changes.get("F").geometry().areaLostM2()).isCloseTo(area(box(125.11, 43.80, 0.01, 0.01)), within(0.2));
        assertThat(changes.get("G").geometry().areaGainedM2()).isCloseTo(area(box(125.14, 43.80, 0.005, 0.01)), within(0.2));
        assertThat(changes.get("G").geometry().areaLostM2()).isCloseTo(area(box(125.13, 43.80, 0.005, 0.01)), within(0.2));
        assertThat(changes.get("K").geometry().areaGainedM2()).isCloseTo(area(box(125.00, 43.85, 0.01, 0.01)), within(0.2));
        assertThat(changes.get("B").geometry().areaLostM2()).isCloseTo(area(box(125.02, 43.80, 0.01, 0.01)), within(0.2));
        assertThat(changes.get("B").change().before()).containsEntry("code", "B");
        assertThat(changes.get("K").change().idAfter()).as("its id in the later version").isEqualTo("1");
        assertThat(changes.get("A")).as("the same plot under another id is no change").isNull();

        Map<String, VersionComparisons.MeasuredChange> byId = changes(
                comparisons().prepare("plots", Optional.of(v1), Optional.of(v2), Optional.empty()));
        assertThat(byId.values()).as("matched by the renumbered ids, nearly every plot looks changed")
                .hasSizeGreaterThan(9);
    }

    @Test
    void pointsMovedLinesReshapedAndFieldsOfAnotherTypeAreMeasuredAndCompared() {
        FeatureStore store = store(10, Optional.empty());
        List<FieldSpec> before = List.of(new FieldSpec("n", FieldType.INTEGER, null, null),
                new FieldSpec("label", FieldType.STRING, null, null),
                new FieldSpec("gone", FieldType.STRING, null, null));
        List<FieldSpec> after = List.of(new FieldSpec("n", FieldType.NUMBER, null, null),
                new FieldSpec("label", FieldType.STRING, null, null),
                new FieldSpec("new", FieldType.BOOLEAN, null, null));
        long v1 = write(store, "mixed", before, null, List.of(
                feature("p1", Map.of("n", 1L, "label", "a", "gone", "x"), "POINT (125.3 43.9)"),
                feature("p2", Map.of("n", 2L, "label", "b", "gone", "x"), "POINT (125.4 43.9)"),
                feature("p3", attributes("n", 3L, "label", null, "gone", null), "POINT (125.5 43.9)"),
                feature("l1", Map.of("n", 4L, "label", "line", "gone", "x"), "LINESTRING (125.3 43.8, 125.4 43.8)")));
        long v2 = write(store, "mixed", after, null, List.of(
                feature("p1", Map.of("n", 1.0, "label", "a", "new", true), "POINT (125.3 43.9)"),
                feature("p2", Map.of("n", 2.0, "label", "b", "new", true), "POINT (125.401 43.9)"),
                feature("p3", attributes("n", 3.0, "label", "c", "new", null), "POINT (125.5 43.9)"),
                feature("l1", Map.of("n", 4.0, "label", "line", "new", false), "LINESTRING (125.3 43.8, 125.45 43.8)")));

        Comparison comparison = comparisons().prepare("mixed", Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(comparison.from().version()).as("by default the newest kept version before the current one")
                .isEqualTo(v1);
        assertThat(comparison.to().version()).isEqualTo(v2);
        assertThat(comparison.fieldsAdded()).containsExactly("new");
        assertThat(comparison.fieldsRemoved()).containsExactly("gone");
        Map<String, VersionComparisons.MeasuredChange> changes = changes(comparison);

        assertThat(changes).as("1 and 1.0 are the same number; fields only one version has are no change")
                .doesNotContainKey("p1");
        assertThat(changes.get("p2").geometry().movedM()).isCloseTo(
                Geodesic.WGS84.Inverse(43.9, 125.4, 43.9, 125.401).s12, within(0.1));
        assertThat(changes.get("p3").change().changedFields()).as("a value where there was none").containsExactly("label");
        assertThat(changes.get("l1").geometry().lengthGainedM()).isCloseTo(
                Geodesic.WGS84.Inverse(43.8, 125.4, 43.8, 125.45).s12, within(0.5));
        assertThat(changes.get("l1").geometry().lengthLostM()).isZero();
    }

    @Test
    void aKeyMustBeAFieldOfBothVersionsAndUniqueInEach() {
        FeatureStore store = store(10, Optional.empty());
        long v1 = write(store, "plots", PLOT_FIELDS, null, plots(List.of(
                plot("A", "甲", box(125.00, 43.80, 0.01, 0.01)), plot("A", "乙", box(125.02, 43.80, 0.01, 0.01)))));
        long v2 = write(store, "plots", PLOT_FIELDS, null, plots(List.of(plot("A", "甲", box(125.00, 43.80, 0.01, 0.01)))));
        VersionComparisons comparisons = comparisons();

        assertThatThrownBy(() -> comparisons.prepare("plots", Optional.of(v1), Optional.of(v2), Optional.of("code")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("version " + v1)
                .hasMessageContaining("repeats").hasMessageContaining("A");
        assertThatThrownBy(() -> comparisons.prepare("plots", Optional.of(v1), Optional.of(v2), Optional.of("编号")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("code, name, area_ha");
        assertThatThrownBy(() -> comparisons.prepare("plots", Optional.of(v1 + 100), Optional.of(v2), Optional.empty()))
                .isInstanceOf(VersionNotKeptException.class);
        assertThatThrownBy(() -> comparisons.prepare("plots", Optional.empty(), Optional.of(v1), Optional.empty()))
                .isInstanceOf(VersionNotKeptException.class).hasMessageContaining("older than " + v1);
    }

    @Test
    void retentionDropsTheLeastRecentlyReplacedBeyondTheLimitAndNeverTheCurrentVersion() {
        FeatureStore store = store(2, Optional.empty());
        List<Long> written = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            written.add(write(store, "plots", PLOT_FIELDS, "alice",
                    plots(List.of(plot("A", "第" + i + "版", box(125.00, 43.80, 0.01, 0.01))))));
        }
        assertThat(states()).containsExactly(
                Map.entry(written.get(4), "current"), Map.entry(written.get(3), "kept"), Map.entry(written.get(2), "kept"),
                Map.entry(written.get(1), "discarded"), Map.entry(written.get(0), "discarded"));
        assertThat(TestStores.tableExists(subject.jdbc(), "lv_" + written.get(0))).isFalse();
        assertThat(TestStores.tableExists(subject.jdbc(), "lv_" + written.get(2))).isTrue();
        assertThat(TestStores.history(subject).versions("plots").get(4).discardedAt()).isNotNull();

        // the oldest kept version made current again; the one it replaces is now the most recently replaced
        store.restore("plots", written.get(2));
        assertThat(states()).containsEntry(written.get(2), "current").containsEntry(written.get(4), "kept")
                .containsEntry(written.get(3), "kept");
        long sixth = write(store, "plots", PLOT_FIELDS, "bob", plots(List.of(plot("A", "第6版", box(125.00, 43.80, 0.01, 0.01)))));
        assertThat(states()).containsEntry(sixth, "current").containsEntry(written.get(2), "kept")
                .containsEntry(written.get(4), "kept").containsEntry(written.get(3), "discarded");

        assertThat(comparisons().prepare("plots", Optional.of(written.get(2)), Optional.empty(), Optional.empty())
                .to().version()).isEqualTo(sixth);
        assertThatThrownBy(() -> store.restore("plots", written.get(3)))
                .as("a discarded version cannot be restored").isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void versionsReplacedLongerAgoThanTheAgeLimitAreDroppedByTheSweep() throws InterruptedException {
        FeatureStore store = store(10, Optional.of(Duration.ofMillis(300)));
        long first = write(store, "plots", PLOT_FIELDS, null, plots(List.of(plot("A", "一", box(125.00, 43.80, 0.01, 0.01)))));
        long second = write(store, "plots", PLOT_FIELDS, null, plots(List.of(plot("A", "二", box(125.00, 43.80, 0.01, 0.01)))));
        store.discardExpiredVersions();
        assertThat(states()).containsEntry(first, "kept");

        Thread.sleep(400);
        store.discardExpiredVersions();
        assertThat(states()).containsEntry(first, "discarded").as("however old, the current version stays")
                .containsEntry(second, "current");
    }

    /** Version → state, newest first. */
    private Map<Long, String> states() {
        Map<Long, String> states = new LinkedHashMap<>();
        TestStores.history(subject).versions("plots").forEach(v -> states.put(v.version(), v.state()));
        return states;
    }

    private Map<String, VersionComparisons.MeasuredChange> changes(Comparison comparison) {
        Map<String, VersionComparisons.MeasuredChange> changes = new LinkedHashMap<>();
        comparisons().changes(comparison, false, measured -> changes.put(
                measured.change().key() != null ? measured.change().key() : measured.change().id(), measured));
        return changes;
    }

    private static List<String> byKind(Map<String, VersionComparisons.MeasuredChange> changes, ChangeKind kind) {
        return changes.entrySet().stream().filter(e -> e.getValue().change().kind() == kind).map(Map.Entry::getKey)
                .sorted().toList();
    }

    private static long write(FeatureStore store, String layer, List<FieldSpec> fields, String by, List<Feature> features) {
        LayerDescription description = new LayerDescription(layer, LayerKind.IMPORTED, "地块", "Plots", null, null,
                null, "as delivered", null, null, null, null, null);
        return store.writeLayer(new LayerSpec(description, fields, "test", by), features.iterator(), WriteProgress.NONE)
                .version();
    }

    private record Plot(String code, String name, String wkt) {
    }

    private static Plot plot(String code, String name, String wkt) {
        return new Plot(code, name, wkt);
    }

    /** Numbered as an import numbers records: "1", "2", … in file order. */
    private static List<Feature> plots(List<Plot> plots) {
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < plots.size(); i++) {
            Plot plot = plots.get(i);
            features.add(feature(String.valueOf(i + 1), attributes("code", plot.code(), "name", plot.name(), "area_ha", 1.5),
                    plot.wkt()));
        }
        return features;
    }

    private static Map<String, Object> attributes(Object... namesAndValues) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return attributes;
    }

    private static Feature feature(String id, Map<String, Object> attributes, String wkt) {
        try {
            Geometry geometry = new WKTReader().read(wkt);
            geometry.setSRID(4326);
            return new Feature(id, new LinkedHashMap<>(attributes), geometry);
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }

    /** A lon/lat box from its south-west corner, counter-clockwise. */
    private static String box(double lon, double lat, double width, double height) {
        return String.format("POLYGON ((%s %s, %s %s, %s %s, %s %s, %s %s))", lon, lat, lon + width, lat,
                lon + width, lat + height, lon, lat + height, lon, lat);
    }

    /** The same ring, starting at its second vertex. */
    private static String rotated(String box) {
        String ring = box.substring("POLYGON ((".length(), box.length() - 2);
        List<String> vertices = List.of(ring.split(", "));
        List<String> turned = new ArrayList<>(vertices.subList(1, vertices.size() - 1));
        turned.add(vertices.get(0));
        turned.add(vertices.get(1));
        return "POLYGON ((" + String.join(", ", turned) + "))";
    }

    /** A box's area on the WGS84 ellipsoid, from its corners. */
    private static double area(String box) {
        PolygonArea polygon = new PolygonArea(Geodesic.WGS84, false);
        String ring = box.substring("POLYGON ((".length(), box.length() - 2);
        List<String> vertices = List.of(ring.split(", "));
        for (String vertex : vertices.subList(0, vertices.size() - 1)) {
            String[] xy = vertex.split(" ");
            polygon.AddPoint(Double.parseDouble(xy[1]), Double.parseDouble(xy[0]));
        }
        return Math.abs(polygon.Compute(false, true).area);
    }
}
