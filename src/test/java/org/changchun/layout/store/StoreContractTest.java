package org.changchun.layout.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FeatureLink;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.feature.LayerVersion;
import org.changchun.layout.feature.LinkRelation;
import org.changchun.layout.query.Expression;
import org.changchun.layout.query.FeatureQuery;
import org.changchun.layout.query.Filter;
import org.changchun.layout.query.InvalidQueryException;
import org.changchun.layout.query.SortKey;
import org.changchun.layout.support.TestStores;
import org.changchun.layout.support.TestStores.StoreUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.springframework.dao.QueryTimeoutException;

/**
 * The behaviour every store must have, run against H2GIS and a real PostGIS alike, so the
 * embedded default cannot drift from production.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2gis", "postgis"})
class StoreContractTest {

    private static final List<FieldSpec> AREA_FIELDS = List.of(
            new FieldSpec("name_zh", FieldType.STRING, "名称", "Name"),
            new FieldSpec("area_km2", FieldType.NUMBER, "面积", "Area"));
    private static final List<FieldSpec> PROJECT_FIELDS = List.of(
            new FieldSpec("name_zh", FieldType.STRING, "名称", "Name"),
            new FieldSpec("start_year", FieldType.INTEGER, null, null),
            new FieldSpec("sample", FieldType.BOOLEAN, null, null),
            new FieldSpec("approved_on", FieldType.DATE, null, null),
            new FieldSpec("investment", FieldType.NUMBER, null, null));

    @Parameter
    String kind;

    private StoreUnderTest subject;
    private FeatureStore store;

    @BeforeEach
    void createStore() {
        subject = TestStores.create(kind);
        store = subject.store();
    }

    @AfterEach
    void closeStore() {
        subject.close();
    }

    @Test
    void describesItself() {
        StoreDescription description = store.describe();
        assertThat(description.kind()).isEqualTo(kind);
        assertThat(description.version()).containsIgnoringCase(kind.equals("postgis") ? "PostGIS" : "H2GIS");
    }

    @Test
    void aWriteTellsEachOfItsStepsInOrderAndCountsFeaturesWhileWriting() {
        List<String> told = new ArrayList<>();
        store.writeLayer(projects("v1"), List.of(
                project("p1", "POINT (125.3 43.9)", "一号", 2023L, true, null, null),
                project("p2", "POINT (125.4 43.9)", "二号", 2024L, false, null, null)).iterator(), new WriteProgress() {
                    @Override
                    public void written(long featuresWritten) {
                        told.add("written " + featuresWritten);
                    }

                    @Override
                    public void phase(WritePhase phase) {
                        told.add(phase.name());
                    }
                });

        // two features are too few to judge their order: PostGIS holds them back and stores them sorted
        assertThat(told).containsExactlyElementsOf(kind.equals("postgis")
                ? List.of("WRITING", "written 2", "STORING_IN_ORDER", "INDEXING", "PUBLISHING")
                : List.of("WRITING", "written 2", "INDEXING", "PUBLISHING"));
    }

    @Test
    void writesALayerAndReadsItBackExactly() {
        LayerInfo written = store.writeLayer(projects("v1"), List.of(
                project("p2", "POINT (125.3 43.9)", "汽车城新能源项目（示例）", 2023L, true, LocalDate.of(2023, 5, 1), 12.5),
                project("p1", "POLYGON ((125.1 43.1, 125.2 43.1, 125.2 43.2, 125.1 43.1))", "农业园", null, false, null, null))
                .iterator(), WriteProgress.NONE);

        assertThat(written.id()).isEqualTo("projects");
        assertThat(written.kind()).isEqualTo(LayerKind.PROJECTS);
        assertThat(written.featureCount()).isEqualTo(2);
        assertThat(written.geometryType()).isEqualTo("Geometry");
        assertThat(written.extent()).isEqualTo(new Envelope(125.1, 125.3, 43.1, 43.9));
        assertThat(written.fields()).isEqualTo(PROJECT_FIELDS);
        assertThat(written.checksum()).isEqualTo("v1");
        assertThat(written.description().titleZh()).isEqualTo("项目库");

        List<Feature> features = store.features("projects");
        assertThat(features).extracting(Feature::id).containsExactly("p1", "p2");
        Feature p2 = features.get(1);
        assertThat(p2.properties()).containsExactly(
                Map.entry("name_zh", "汽车城新能源项目（示例）"), Map.entry("start_year", 2023L), Map.entry("sample", true),
                Map.entry("approved_on", LocalDate.of(2023, 5, 1)), Map.entry("investment", 12.5));
        assertThat(p2.geometry().equalsExact(geometry("POINT (125.3 43.9)"))).isTrue();
        assertThat(p2.geometry().getSRID()).isEqualTo(4326);
        Feature p1 = store.feature("projects", "p1").orElseThrow();
        assertThat(p1.properties()).containsEntry("start_year", null).containsEntry("approved_on", null);
        assertThat(store.feature("projects", "nope")).isEmpty();
        assertThat(store.layer("nope")).isEmpty();
    }

    @Test
    void handsOverEveryGeometryOfALayerOnce() {
        store.writeLayer(projects("v1"), List.of(
                project("p2", "POINT (125.3 43.9)", "二号", 2023L, true, null, null),
                project("p1", "POLYGON ((125.1 43.1, 125.2 43.1, 125.2 43.2, 125.1 43.1))", "一号", null, false, null, null),
                project("p3", "POINT (125.4 44.0)", "三号", 2024L, true, null, null)).iterator(), WriteProgress.NONE);

        List<String> geometries = new ArrayList<>();
        store.readGeometries("projects", geometry -> geometries.add(geometry.toText()));

        assertThat(geometries).containsExactlyInAnyOrder("POINT (125.3 43.9)", "POINT (125.4 44)",
                "POLYGON ((125.1 43.1, 125.2 43.1, 125.2 43.2, 125.1 43.1))");
    }

    @Test
    void findsFeaturesIntersectingAGeometry() {
        writeDistricts("v1");
        assertThat(store.intersecting("districts", geometry("POINT (125.05 43.05)"), 10))
                .extracting(Feature::id).containsExactly("west");
        Geometry across = geometry("LINESTRING (125.05 43.05, 125.15 43.05)");
        assertThat(store.intersecting("districts", across, 10)).extracting(Feature::id).containsExactly("east", "west");
        assertThat(store.intersecting("districts", across, 1)).as("the first by id").extracting(Feature::id)
                .containsExactly("east");
        assertThat(store.intersecting("districts", geometry("POINT (100 30)"), 10)).isEmpty();
    }

    @Test
    void linksProjectsToThePolygonsThatContainOrIntersectThem() {
        writeDistricts("v1");
        writeZones("v1");
        writeProjects("v1");

        assertThat(store.linksFrom("projects", "inside-west")).containsExactly(
                link("inside-west", "districts", "west", LinkRelation.WITHIN),
                link("inside-west", "zones", "core", LinkRelation.WITHIN));
        assertThat(store.linksFrom("projects", "straddling")).containsExactly(
                link("straddling", "districts", "east", LinkRelation.INTERSECTS),
                link("straddling", "districts", "west", LinkRelation.INTERSECTS));
        assertThat(store.linksFrom("projects", "far-away")).isEmpty();
        assertThat(store.linksTo("districts", "west")).extracting(FeatureLink::sourceId)
                .containsExactly("inside-west", "straddling");
    }

    @Test
    void linksStagedWhileWritingAreThoseTheStoresJoinComputes() {
        writeDistricts("v1");
        writeZones("v1");
        List<Feature> tricky = List.of(
                project("on-shared-edge", "POINT (125.1 43.05)", "边界上", 2020L, true, null, 1.0),
                project("on-corner", "POINT (125.1 43.1)", "角点", 2020L, true, null, 1.0),
                project("on-zone-edge", "POINT (125.01 43.03)", "开发区边界", 2020L, true, null, 1.0),
                project("same-as-zone", "POLYGON ((125.01 43.01, 125.05 43.01, 125.05 43.05, 125.01 43.05, 125.01 43.01))",
                        "与开发区重合", 2020L, true, null, 1.0),
                project("line-across", "LINESTRING (125.05 43.05, 125.15 43.05)", "跨区线", 2020L, true, null, 1.0),
                project("half-in", "MULTIPOINT ((125.03 43.03), (120 40))", "一半在内", 2020L, true, null, 1.0),
                project("touching-outside", "POLYGON ((125.2 43.0, 125.3 43.0, 125.3 43.1, 125.2 43.0))",
                        "外侧相接", 2020L, true, null, 1.0),
                project("far-away", "POINT (120 40)", "远处项目", 2021L, true, null, 5.0));
        LayerInfo staged = store.writeLayer(projects("staged"), tricky.iterator(), WriteProgress.NONE);
        Map<String, List<FeatureLink>> stagedLinks = new LinkedHashMap<>();
        tricky.forEach(f -> stagedLinks.put(f.id(), store.linksFrom("projects", f.id())));
        store.writeLayer(projects("staged again"), tricky.iterator(), WriteProgress.NONE);

        // restoring a version recomputes its links with the store's own spatial join
        store.restore("projects", staged.version());

        Map<String, List<FeatureLink>> joinedLinks = new LinkedHashMap<>();
        tricky.forEach(f -> joinedLinks.put(f.id(), store.linksFrom("projects", f.id())));
        assertThat(stagedLinks).isEqualTo(joinedLinks);
        assertThat(stagedLinks.get("on-shared-edge")).containsExactly(
                link("on-shared-edge", "districts", "east", LinkRelation.INTERSECTS),
                link("on-shared-edge", "districts", "west", LinkRelation.INTERSECTS));
        assertThat(stagedLinks.get("same-as-zone")).contains(link("same-as-zone", "zones", "core", LinkRelation.WITHIN));
        assertThat(stagedLinks.get("half-in")).containsExactly(
                link("half-in", "districts", "west", LinkRelation.INTERSECTS),
                link("half-in", "zones", "core", LinkRelation.INTERSECTS));
        assertThat(stagedLinks.get("touching-outside"))
                .containsExactly(link("touching-outside", "districts", "east", LinkRelation.INTERSECTS));
        assertThat(stagedLinks.get("far-away")).isEmpty();
        assertThat(stagingTables()).as("PostgreSQL keeps the layer's links as its partition; H2 copies them")
                .isEqualTo(kind.equals("postgis") ? 1 : 0);
    }

    @Test
    void linksFoundGroupByGroupOnSeveralThreadsAreThoseTheStoresJoinComputes() {
        writeDistricts("v1");
        writeZones("v1");
        // thousands of features, so several groups are linked at once: small squares and points scattered
        // over both districts, the zone and beyond, many across an edge or on one
        java.util.Random random = new java.util.Random(11);
        List<Feature> many = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            double x = 124.98 + random.nextInt(250) / 1000.0;
            double y = 42.98 + random.nextInt(140) / 1000.0;
            double side = (1 + random.nextInt(30)) / 1000.0;
            String wkt = i % 3 == 0 ? "POINT (" + x + " " + y + ")"
                    : "POLYGON ((" + x + " " + y + ", " + (x + side) + " " + y + ", " + (x + side) + " " + (y + side)
                            + ", " + x + " " + (y + side) + ", " + x + " " + y + "))";
            many.add(project("f" + i, wkt, "项目" + i, 2020L, true, null, 1.0));
        }
        LayerInfo staged = store.writeLayer(projects("staged"), many.iterator(), WriteProgress.NONE);
        Map<String, List<FeatureLink>> stagedLinks = linksOfEach(many);
        store.writeLayer(projects("staged again"), many.iterator(), WriteProgress.NONE);
        assertThat(linksOfEach(many)).as("the same links, whichever thread found them").isEqualTo(stagedLinks);

        store.restore("projects", staged.version());

        assertThat(linksOfEach(many)).isEqualTo(stagedLinks);
        assertThat(stagedLinks.values().stream().mapToInt(List::size).sum()).as("links in several groups").isGreaterThan(2_000);
        assertThat(stagedLinks.values().stream().flatMap(List::stream).map(FeatureLink::relation))
                .contains(LinkRelation.WITHIN, LinkRelation.INTERSECTS);
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void aLinkedWriteThatFailsWhileGroupsAreBeingLinkedLeavesTheLayerAsItWas() {
        writeDistricts("v1");
        writeZones("v1");
        writeProjects("v1");
        LayerInfo before = store.layer("projects").orElseThrow();
        int linkTables = stagingTables();
        Iterator<Feature> failing = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Feature next() {
                if (next == 4_000) {
                    throw new IllegalStateException("the source broke off at feature " + next);
                }
                int i = next++;
                return project("f" + i, "POLYGON ((125.09 43.0" + i % 10 + ", 125.11 43.0" + i % 10 + ", 125.11 43.09, 125.09 43.0"
                        + i % 10 + "))", "项目" + i, 2020L, true, null, 1.0);
            }
        };

        assertThatThrownBy(() -> store.writeLayer(projects("v2"), failing, WriteProgress.NONE))
                .hasMessageContaining("broke off at feature 4000");

        assertThat(store.layer("projects").orElseThrow().version()).isEqualTo(before.version());
        assertThat(store.linksFrom("projects", "straddling")).hasSize(2);
        assertThat(buildingVersions()).isZero();
        assertThat(stagingTables()).as("the current links' partition on PostgreSQL, nothing staged").isEqualTo(linkTables);
    }

    private Map<String, List<FeatureLink>> linksOfEach(List<Feature> features) {
        Map<String, List<FeatureLink>> links = new LinkedHashMap<>();
        features.forEach(f -> links.put(f.id(), store.linksFrom("projects", f.id())));
        return links;
    }

    @Test
    void aRehearsedWriteLinksAndTalliesAsAWriteDoesAndStoresNothing() {
        writeDistricts("v1");
        writeZones("v1");
        CountingTallies tallies = new CountingTallies();
        store.tallyLinkedFeatures(tallies);
        List<Feature> features = List.of(
                project("inside-west", "POINT (125.03 43.03)", "西区项目", 2022L, true, LocalDate.of(2024, 5, 1), 3.0),
                project("straddling", "POLYGON ((125.08 43.08, 125.12 43.08, 125.12 43.09, 125.08 43.08))",
                        "跨区项目", 2023L, false, null, 4.0),
                project("far-away", "POINT (120 40)", "远处项目", 2021L, true, null, 5.0));
        List<LayerInfo> layers = store.layers();
        Integer versions = subject.jdbc().queryForObject("SELECT COUNT(*) FROM layer_version", Integer.class);

        RehearsedWrite rehearsed = store.rehearseWrite(projects("rehearsal"), features.iterator());

        assertThat(rehearsed).isEqualTo(new RehearsedWrite(3, 4));
        assertThat(tallies.given).containsExactly(Map.entry("projects/far-away", List.of()),
                Map.entry("projects/inside-west", List.of("districts/west/WITHIN", "zones/core/WITHIN")),
                Map.entry("projects/straddling", List.of("districts/east/INTERSECTS", "districts/west/INTERSECTS")));
        assertThat(store.layers()).isEqualTo(layers);
        assertThat(store.layer("projects")).isEmpty();
        assertThat(subject.jdbc().queryForObject("SELECT COUNT(*) FROM layer_version", Integer.class)).isEqualTo(versions);
        assertThat(subject.jdbc().queryForObject("SELECT COUNT(*) FROM feature_link", Integer.class)).isZero();
        assertThat(stagingTables()).isZero();
        assertThat(store.keptLayerTotals("projects")).isEmpty();

        store.writeLayer(projects("written"), features.iterator(), WriteProgress.NONE);
        assertThat(features.stream().mapToLong(f -> store.linksFrom("projects", f.id()).size()).sum())
                .as("the links the write stores").isEqualTo(rehearsed.links());
        Feature bad = new Feature("bad", Map.of("start_year", "not a year"), geometry("POINT (125.03 43.03)"));
        assertThatThrownBy(() -> store.rehearseWrite(projects("bad"), List.of(bad).iterator()))
                .as("what a write refuses").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start_year");
    }

    @Test
    void replacingASourceLayerReplacesItsLinksAndKeepsOtherLayersLinks() {
        writeDistricts("v1");
        writeProjects("v1");
        store.writeLayer(new LayerSpec(new LayerDescription("imported-sites", LayerKind.IMPORTED, "导入", "Imported",
                null, null, "test", "exact", null), PROJECT_FIELDS, "i1"), List.of(
                project("site", "POINT (125.15 43.05)", "场地", 2020L, true, null, 1.0)).iterator(), WriteProgress.NONE);

        store.writeLayer(projects("v2"), List.of(
                project("moved", "POINT (125.15 43.05)", "新项目", 2024L, true, null, 1.0)).iterator(), WriteProgress.NONE);
        store.writeLayer(projects("v3"), List.of(
                project("moved", "POINT (125.05 43.05)", "又搬了", 2024L, true, null, 1.0)).iterator(), WriteProgress.NONE);

        assertThat(store.linksTo("districts", "west")).extracting(FeatureLink::sourceId).containsExactly("moved");
        assertThat(store.linksTo("districts", "east")).extracting(FeatureLink::sourceLayer, FeatureLink::sourceId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("imported-sites", "site"));
        // an edit of a layer whose links were staged still relinks the one feature
        store.saveFeature("projects", project("moved", "POINT (125.15 43.06)", "回东区", 2024L, true, null, 1.0));
        assertThat(store.linksFrom("projects", "moved"))
                .containsExactly(link("moved", "districts", "east", LinkRelation.WITHIN));
        // and a replaced plan layer relinks every source layer
        writeDistricts("v2");
        assertThat(store.linksTo("districts", "east")).extracting(FeatureLink::sourceId).containsExactly("site", "moved");
        assertThat(stagingTables()).isEqualTo(kind.equals("postgis") ? 2 : 0);
    }

    @Test
    void relinksWhenAPolygonLayerIsReplaced() {
        writeDistricts("v1");
        writeProjects("v1");
        long before = store.layer("projects").orElseThrow().dataVersion();

        // the west district shrinks away from the project that lay inside it
        store.writeLayer(areas("districts", "v2"), List.of(
                area("west", "POLYGON ((125.0 43.0, 125.02 43.0, 125.02 43.02, 125.0 43.02, 125.0 43.0))"),
                area("east", "POLYGON ((125.1 43.0, 125.2 43.0, 125.2 43.1, 125.1 43.1, 125.1 43.0))"))
                .iterator(), WriteProgress.NONE);

        assertThat(store.linksFrom("projects", "inside-west")).isEmpty();
        assertThat(store.linksFrom("projects", "straddling"))
                .containsExactly(link("straddling", "districts", "east", LinkRelation.INTERSECTS));
        assertThat(store.layer("projects").orElseThrow().dataVersion()).isEqualTo(before);
    }

    @Test
    void relinksASavedFeatureAndBumpsTheDataVersion() {
        writeDistricts("v1");
        writeProjects("v1");
        LayerInfo before = store.layer("projects").orElseThrow();

        store.saveFeature("projects", project("far-away", "POINT (125.15 43.05)", "搬迁后", 2024L, true, null, 1.0));
        store.saveFeature("projects", project("new-one", "POINT (126.5 44.5)", "新项目", 2025L, true, null, 2.0));

        assertThat(store.linksFrom("projects", "far-away"))
                .containsExactly(link("far-away", "districts", "east", LinkRelation.WITHIN));
        LayerInfo after = store.layer("projects").orElseThrow();
        assertThat(after.dataVersion()).isGreaterThan(before.dataVersion());
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.featureCount()).isEqualTo(before.featureCount() + 1);
        assertThat(after.extent().contains(126.5, 44.5)).isTrue();
        assertThat(store.feature("projects", "far-away").orElseThrow().text("name_zh")).isEqualTo("搬迁后");
    }

    @Test
    void relinksWhenASinglePolygonIsSaved() {
        writeDistricts("v1");
        writeProjects("v1");

        store.saveFeature("districts", area("west", "POLYGON ((127 45, 128 45, 128 46, 127 45))"));

        assertThat(store.linksFrom("projects", "inside-west")).isEmpty();
        assertThat(store.linksFrom("projects", "straddling"))
                .containsExactly(link("straddling", "districts", "east", LinkRelation.INTERSECTS));
    }

    @Test
    void aTallyIsGivenEveryFeatureWithItsLinksAndItsTotalsAreKeptUntilAPlanLayerChanges() {
        writeDistricts("v1");
        CountingTallies tallies = new CountingTallies();
        store.tallyLinkedFeatures(tallies);
        writeProjects("v1");

        assertThat(tallies.given).containsExactly(Map.entry("projects/far-away", List.of()),
                Map.entry("projects/inside-west", List.of("districts/west/WITHIN")),
                Map.entry("projects/straddling", List.of("districts/east/INTERSECTS", "districts/west/INTERSECTS")));
        assertThat(store.keptTotals("projects", "districts", "west", true)).contains("contained 3");
        assertThat(store.keptTotals("projects", "districts", "west", false)).contains("linked 3");
        assertThat(store.keptTotals("projects", "districts", "east", false)).isEmpty();
        assertThat(store.keptLayerTotals("projects")).contains("all 3");

        writeDistricts("v2");
        assertThat(store.keptTotals("projects", "districts", "west", false)).as("after a plan layer's write").isEmpty();
        assertThat(store.keptLayerTotals("projects")).isEmpty();
        writeProjects("v2");
        assertThat(store.keptTotals("projects", "districts", "west", false)).contains("linked 3");
        store.saveFeature("districts", area("west", "POLYGON ((125.0 43.0, 125.1 43.0, 125.1 43.1, 125.0 43.0))"));
        assertThat(store.keptTotals("projects", "districts", "west", false)).as("after a plan feature's edit").isEmpty();
        store.saveFeature("projects", project("new", "POINT (125.03 43.02)", "新项目", 2024L, true, null, 1.0));
        assertThat(store.keptTotals("projects", "districts", "west", false))
                .as("an edit amends only totals kept since the layer's last write").isEmpty();
    }

    @Test
    void aSingleEditAmendsTheKeptTotalsOfThePolygonsTheFeatureWasAndIsLinkedTo() {
        writeDistricts("v1");
        CountingTallies tallies = new CountingTallies();
        store.tallyLinkedFeatures(tallies);
        writeProjects("v1");

        // from the west district to the east one
        store.saveFeature("projects", project("inside-west", "POINT (125.15 43.05)", "西区项目", 2022L, true, null, 3.0));
        assertThat(tallies.amended).containsExactly(
                "inside-west [districts/west/WITHIN] -> inside-west [districts/east/WITHIN]");
        assertThat(store.keptTotals("projects", "districts", "west", true)).contains("contained 3 -inside-west");
        assertThat(store.keptTotals("projects", "districts", "west", false)).contains("linked 3 -inside-west");
        assertThat(store.keptTotals("projects", "districts", "east", true)).as("a polygon with no totals before")
                .contains("(none) +inside-west");

        store.saveFeature("projects", project("new", "POINT (120 41)", "新项目", 2024L, true, null, 1.0));
        assertThat(store.deleteFeature("projects", "straddling")).isTrue();
        assertThat(tallies.amended).containsExactly(
                "inside-west [districts/west/WITHIN] -> inside-west [districts/east/WITHIN]",
                "(none) -> new []",
                "straddling [districts/east/INTERSECTS, districts/west/INTERSECTS] -> (none)");
        assertThat(store.keptTotals("projects", "districts", "west", true))
                .as("a feature only intersecting a polygon is not among those it contains")
                .contains("contained 3 -inside-west");
        assertThat(store.keptTotals("projects", "districts", "west", false)).contains("linked 3 -inside-west -straddling");
        assertThat(store.keptTotals("projects", "districts", "east", false)).contains("(none) +inside-west -straddling");
        assertThat(store.keptLayerTotals("projects")).as("every edit, linked or not")
                .contains("all 3 -inside-west +inside-west +new -straddling");
    }

    @Test
    void totalsThatCannotBeAmendedAreDroppedAndTheEditIsKept() {
        writeDistricts("v1");
        CountingTallies tallies = new CountingTallies();
        store.tallyLinkedFeatures(tallies);
        writeProjects("v1");

        tallies.refuse = true;
        store.saveFeature("projects", project("inside-west", "POINT (125.04 43.04)", "西区项目", 2022L, true, null, 3.0));
        assertThat(store.keptLayerTotals("projects")).isEmpty();
        assertThat(store.keptTotals("projects", "districts", "west", false)).isEmpty();
        assertThat(store.keptTotals("projects", "districts", "east", false)).isEmpty();

        tallies.refuse = false;
        writeProjects("v2");
        tallies.fail = true;
        assertThat(store.deleteFeature("projects", "inside-west")).isTrue();
        assertThat(store.feature("projects", "inside-west")).isEmpty();
        assertThat(store.keptLayerTotals("projects")).isEmpty();
        assertThat(store.keptTotals("projects", "districts", "west", false)).isEmpty();
    }

    @Test
    void aTallyThatFailsLeavesTheWriteWholeWithoutTotals() {
        writeDistricts("v1");
        CountingTallies tallies = new CountingTallies();
        tallies.fail = true;
        store.tallyLinkedFeatures(tallies);
        writeProjects("v1");

        assertThat(store.layer("projects").orElseThrow().featureCount()).isEqualTo(3);
        assertThat(store.linksTo("districts", "west")).extracting(FeatureLink::sourceId)
                .containsExactly("inside-west", "straddling");
        assertThat(store.keptTotals("projects", "districts", "west", false)).isEmpty();
        assertThat(store.keptLayerTotals("projects")).isEmpty();
    }

    /**
     * Tallies that count the features of a write for the districts' west polygon, and amend kept totals
     * by appending "-id" and "+id"; they fail or refuse when told to.
     */
    private static final class CountingTallies implements PolygonTally.Factory {

        final Map<String, List<String>> given = new TreeMap<>();
        final List<String> amended = new ArrayList<>();
        volatile boolean fail;
        volatile boolean refuse;

        @Override
        public PolygonTally start(String source) {
            given.clear();
            return new PolygonTally() {
                @Override
                public void add(Feature feature, List<FeatureLink> links) {
                    if (fail) {
                        throw new IllegalStateException("a tally that cannot add up " + feature.id());
                    }
                    given.put(source + "/" + feature.id(), targets(links));
                }

                @Override
                public Tallied totals() {
                    return new Tallied("all " + given.size(), List.of(
                            new PolygonTotals("districts", "west", true, "contained " + given.size()),
                            new PolygonTotals("districts", "west", false, "linked " + given.size())));
                }
            };
        }

        @Override
        public PolygonTally.Amendment amend(Optional<PolygonTally.LinkedFeature> before,
                                            Optional<PolygonTally.LinkedFeature> after) {
            if (fail) {
                throw new IllegalStateException("an amendment that cannot add up");
            }
            amended.add(describe(before) + " -> " + describe(after));
            String change = before.map(b -> " -" + b.feature().id()).orElse("")
                    + after.map(a -> " +" + a.feature().id()).orElse("");
            return new PolygonTally.Amendment() {
                @Override
                public Optional<String> applyToLayer(String kept) {
                    return refuse ? Optional.empty() : Optional.of(kept + change);
                }

                @Override
                public Optional<String> apply(String targetLayer, String targetId, boolean containedOnly,
                                              Optional<String> kept) {
                    if (refuse) {
                        return Optional.empty();
                    }
                    return Optional.of(kept.orElse("(none)")
                            + before.filter(b -> countsIn(b, targetId, containedOnly)).map(b -> " -" + b.feature().id())
                            .orElse("")
                            + after.filter(a -> countsIn(a, targetId, containedOnly)).map(a -> " +" + a.feature().id())
                            .orElse(""));
                }
            };
        }

        private static boolean countsIn(PolygonTally.LinkedFeature linked, String targetId, boolean containedOnly) {
            return linked.links().stream().anyMatch(link -> link.targetId().equals(targetId)
                    && (!containedOnly || link.relation() == LinkRelation.WITHIN));
        }

        private static String describe(Optional<PolygonTally.LinkedFeature> linked) {
            return linked.map(l -> l.feature().id() + " " + targets(l.links())).orElse("(none)");
        }

        private static List<String> targets(List<FeatureLink> links) {
            return links.stream().map(l -> l.targetLayer() + "/" + l.targetId() + "/" + l.relation()).sorted().toList();
        }
    }

    @Test
    void deletesAFeatureWithItsLinks() {
        writeDistricts("v1");
        writeProjects("v1");
        long count = store.layer("projects").orElseThrow().featureCount();

        assertThat(store.deleteFeature("projects", "inside-west")).isTrue();
        assertThat(store.deleteFeature("projects", "inside-west")).isFalse();

        assertThat(store.feature("projects", "inside-west")).isEmpty();
        assertThat(store.linksTo("districts", "west")).extracting(FeatureLink::sourceId).containsExactly("straddling");
        assertThat(store.layer("projects").orElseThrow().featureCount()).isEqualTo(count - 1);
    }

    @Test
    void keepsPreviousVersionsUpToTheLimitAndDropsOlderOnes() {
        LayerInfo v1 = writeDistricts("v1");
        LayerInfo v2 = writeDistricts("v2");
        LayerInfo v3 = writeDistricts("v3");
        LayerInfo v4 = writeDistricts("v4");

        assertThat(List.of(v1.version(), v2.version(), v3.version(), v4.version())).doesNotHaveDuplicates();
        assertThat(store.layer("districts").orElseThrow().version()).isEqualTo(v4.version());
        assertThat(store.layers()).extracting(LayerInfo::id).containsExactly("districts");
        assertThat(TestStores.tableExists(subject.jdbc(), "lv_" + v1.version())).isFalse();
        assertThat(TestStores.tableExists(subject.jdbc(), "lv_" + v2.version())).isTrue();
        assertThat(TestStores.tableExists(subject.jdbc(), "lv_" + v3.version())).isTrue();
    }

    @Test
    void restoresAReplacedVersionWithItsLinks() {
        writeProjects("v1");
        LayerInfo first = writeDistricts("v1");
        store.writeLayer(areas("districts", "v2"), List.of(
                area("moved", "POLYGON ((127 45, 128 45, 128 46, 127 45))")).iterator(), WriteProgress.NONE);
        assertThat(store.linksFrom("projects", "inside-west")).isEmpty();
        assertThat(store.versions("districts")).extracting(LayerVersion::current).containsExactly(true, false);

        LayerInfo restored = store.restore("districts", first.version());

        assertThat(restored.version()).isEqualTo(first.version());
        assertThat(restored.checksum()).isEqualTo("v1");
        assertThat(restored.dataVersion()).isGreaterThan(first.dataVersion());
        assertThat(store.features("districts")).extracting(Feature::id).containsExactly("east", "west");
        assertThat(store.linksFrom("projects", "inside-west"))
                .containsExactly(link("inside-west", "districts", "west", LinkRelation.WITHIN));
        List<LayerVersion> versions = store.versions("districts");
        assertThat(versions).extracting(LayerVersion::current).containsExactly(false, true);
        assertThat(versions.get(1).version()).isEqualTo(first.version());
        assertThatThrownBy(() -> store.restore("districts", 424242L)).isInstanceOf(java.util.NoSuchElementException.class);
        assertThatThrownBy(() -> store.restore("districts", first.version()))
                .as("the current version is not a previous one").isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void aFailedWriteLeavesThePreviousVersionAndNoTrace() {
        LayerInfo before = writeDistricts("v1");
        Feature bad = new Feature("bad", Map.of("area_km2", "not a number"),
                geometry("POLYGON ((125 43, 126 43, 126 44, 125 43))"));

        assertThatThrownBy(() -> store.writeLayer(areas("districts", "v2"),
                List.of(area("a", "POINT (125 43)"), bad).iterator(), WriteProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("area_km2");
        assertThatThrownBy(() -> store.writeLayer(areas("districts", "v3"),
                List.of(area("a", "POINT (125 43)"), area("a", "POINT (125 44)")).iterator(), WriteProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than once");

        LayerInfo after = store.layer("districts").orElseThrow();
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.dataVersion()).isEqualTo(before.dataVersion());
        assertThat(store.features("districts")).extracting(Feature::id).containsExactly("east", "west");
        assertThat(buildingVersions()).isZero();
        assertThat(subject.jdbc().queryForObject("SELECT COUNT(*) FROM layer_version", Integer.class)).isEqualTo(1);
        assertThat(stagingTables()).isZero();
    }

    @Test
    void readersSeeThePreviousVersionUntilTheNewOneIsComplete() {
        LayerInfo before = writeDistricts("v1");
        List<String> seenDuringWrite = new ArrayList<>();
        Iterator<Feature> replacement = List.of(
                area("north", "POLYGON ((125 44, 126 44, 126 45, 125 44))"),
                area("south", "POLYGON ((125 42, 126 42, 126 43, 125 42))")).iterator();
        // asked from another thread before each feature, as a concurrent reader would
        Iterator<Feature> watching = beforeEach(replacement, () -> seenDuringWrite.addAll(
                inOtherThread(() -> store.features("districts").stream().map(Feature::id).toList())));

        LayerInfo after = store.writeLayer(areas("districts", "v2"), watching, WriteProgress.NONE);

        assertThat(seenDuringWrite).containsExactly("east", "west", "east", "west");
        assertThat(store.features("districts")).extracting(Feature::id).containsExactly("north", "south");
        assertThat(after.version()).isGreaterThan(before.version());
    }

    @Test
    void readersSeeTheOldLinksUntilTheNewVersionIsComplete() {
        writeDistricts("v1");
        writeProjects("v1");
        List<List<String>> seenDuringWrite = new ArrayList<>();
        Iterator<Feature> replacement = List.of(
                project("moved-in", "POINT (125.05 43.05)", "新项目", 2024L, true, null, 1.0),
                project("also-in", "POINT (125.06 43.06)", "又一个", 2024L, true, null, 1.0)).iterator();
        Iterator<Feature> watching = beforeEach(replacement, () -> seenDuringWrite.add(inOtherThread(() ->
                store.linksTo("districts", "west").stream().map(FeatureLink::sourceId).toList())));

        store.writeLayer(projects("v2"), watching, WriteProgress.NONE);

        assertThat(seenDuringWrite).containsOnly(List.of("inside-west", "straddling"));
        assertThat(store.linksTo("districts", "west")).extracting(FeatureLink::sourceId)
                .containsExactly("also-in", "moved-in");
    }

    @Test
    void refusesAWriteThatLostARaceWithAnotherWriter() {
        writeDistricts("v1");
        Iterator<Feature> original = List.of(area("x", "POINT (125 43)")).iterator();
        Iterator<Feature> racing = beforeEach(original, () -> inOtherThread(() -> writeDistricts("other writer")));

        assertThatThrownBy(() -> store.writeLayer(areas("districts", "loser"), racing, WriteProgress.NONE))
                .isInstanceOf(ConcurrentLayerWriteException.class);
        assertThat(store.layer("districts").orElseThrow().checksum()).isEqualTo("other writer");
        assertThat(buildingVersions()).isZero();
    }

    @Test
    void discardsWritesThatWereAbandoned() {
        try (StoreUnderTest impatient = TestStores.create(kind, 2, Duration.ZERO)) {
            impatient.jdbc().update("INSERT INTO layer_version (id, layer_id, state, created_at, heartbeat_at)"
                    + " VALUES (999, 'districts', 'BUILDING', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            impatient.jdbc().execute("CREATE TABLE lv_999 (id VARCHAR(10))");
            impatient.jdbc().execute("CREATE TABLE fl_999 (source_id VARCHAR(10))");

            impatient.store().discardUnfinishedWrites();

            assertThat(TestStores.tableExists(impatient.jdbc(), "lv_999")).isFalse();
            assertThat(TestStores.tableExists(impatient.jdbc(), "fl_999")).isFalse();
            assertThat(impatient.jdbc().queryForObject("SELECT COUNT(*) FROM layer_version", Integer.class)).isZero();
        }
    }

    @Test
    void aStreamedReadEndsAtTheStatementTimeoutAndLeavesItsConnectionFit() {
        try (StoreUnderTest impatient = TestStores.withStatementTimeout(kind, Duration.ofSeconds(1))) {
            List<Feature> many = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                many.add(area("f" + i, "POINT (" + (125 + i / 10_000d) + " 43.5)"));
            }
            impatient.store().writeLayer(areas("points", "v1"), many.iterator(), WriteProgress.NONE);
            FeatureQuery every = FeatureQuery.all("points");

            // 5,000 rows read at one a millisecond would take five seconds: past the one allowed, the read ends
            long started = System.nanoTime();
            assertThatThrownBy(() -> impatient.store().readMatching(every, rows -> rows.peek(f -> pause()).count()))
                    .isInstanceOf(QueryTimeoutException.class)
                    .satisfies(e -> assertThat(DatabaseFailures.statementTimedOut(e)).isTrue());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

            TestStores.narrowToOneConnection(impatient);
            long counted = impatient.store().readMatching(every, Stream::count);
            assertThat(counted).isEqualTo(5_000);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void reportsProgressWhileWriting() {
        List<Feature> many = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            many.add(area("f" + i, "POINT (" + (125 + i / 10_000d) + " 43.5)"));
        }
        List<Long> reported = new ArrayList<>();

        LayerInfo written = store.writeLayer(areas("points", "v1"), many.iterator(), reported::add);

        // batches differ by store (INSERT batches, COPY blocks); progress only ever grows, to the total
        assertThat(reported).isNotEmpty().isSorted().doesNotHaveDuplicates().endsWith(2_500L);
        assertThat(written.featureCount()).isEqualTo(2_500);
        assertThat(written.geometryType()).isEqualTo("Point");
    }

    @Test
    void queriesWithABoundingBoxSortOrderAndPages() {
        writeDistricts("v1");
        writeProjects("v1");
        FeaturePage inBox = store.query(new FeatureQuery("projects", Optional.of(new Envelope(125.0, 125.2, 43.0, 43.1)),
                null, List.of(new SortKey("start_year", false)), 10, 0));
        assertThat(inBox.features()).extracting(Feature::id).containsExactly("straddling", "inside-west");
        assertThat(inBox.numberMatched()).isEqualTo(2);

        List<String> paged = new ArrayList<>();
        for (long offset = 0; offset < 3; offset++) {
            FeaturePage page = store.query(new FeatureQuery("projects", Optional.empty(), null,
                    List.of(new SortKey("name_zh", true)), 1, offset));
            assertThat(page.numberMatched()).isEqualTo(3);
            paged.addAll(page.features().stream().map(Feature::id).toList());
        }
        assertThat(paged).containsExactlyInAnyOrder("inside-west", "straddling", "far-away");
        assertThat(store.query(new FeatureQuery("projects", Optional.empty(), null, List.of(), 5, 10)).numberMatched())
                .isEqualTo(3);
    }

    /** Boxes over all, half and a corner of a layer: written as a scan, as no box, or for the spatial index. */
    @Test
    void aBoxFindsWhatItHoldsWhateverShareOfTheLayerItCovers() {
        List<Feature> grid = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            grid.add(area("f" + i, "POINT (" + (125 + (i % 10) / 10d) + " " + (43 + (i / 10) / 10d) + ")"));
        }
        store.writeLayer(areas("grid", "v1"), grid.iterator(), WriteProgress.NONE);

        FeaturePage all = store.query(new FeatureQuery("grid", Optional.of(new Envelope(124, 127, 42, 45)), null,
                List.of(), 3, 0));
        assertThat(all.features()).extracting(Feature::id).containsExactly("f0", "f1", "f10");
        assertThat(all.numberMatched()).isEqualTo(100);

        // the western half, its eastern edge through a column of points, which it holds
        FeaturePage west = store.query(new FeatureQuery("grid", Optional.of(new Envelope(125.0, 125.4, 43.0, 43.9)),
                null, List.of(), 100, 0));
        assertThat(west.features()).extracting(Feature::id).hasSize(50)
                .allMatch(id -> Integer.parseInt(id.substring(1)) % 10 <= 4);
        assertThat(west.numberMatched()).isEqualTo(50);

        FeaturePage corner = store.query(new FeatureQuery("grid", Optional.of(new Envelope(124.9, 125.05, 42.9, 43.05)),
                null, List.of(), 10, 0));
        assertThat(corner.features()).extracting(Feature::id).containsExactly("f0");
        assertThat(corner.numberMatched()).isEqualTo(1);
    }

    @Test
    void runsFiltersInsideTheStore() {
        writeProjects("v1");
        assertMatches(compare("name_zh", Filter.ComparisonOperator.EQUAL, "西区项目"), "inside-west");
        assertMatches(compare("start_year", Filter.ComparisonOperator.GREATER_OR_EQUAL, 2022L), "inside-west", "straddling");
        assertMatches(compare("investment", Filter.ComparisonOperator.LESS, 3.5), "inside-west");
        assertMatches(new Filter.Like(property("name_zh"), literal("%区项目")), "inside-west", "straddling");
        assertMatches(new Filter.Like(property("name_zh"), literal("远_项目")), "far-away");
        assertMatches(new Filter.In(property("id"), List.of(literal("far-away"), literal("nope"))), "far-away");
        assertMatches(new Filter.Between(property("start_year"), literal(2021L), literal(2022L)), "far-away", "inside-west");
        assertMatches(new Filter.IsNull(property("approved_on")), "far-away", "inside-west", "straddling");
        assertMatches(new Filter.Not(new Filter.IsNull(property("investment"))), "far-away", "inside-west", "straddling");
        assertMatches(new Filter.Or(List.of(compare("start_year", Filter.ComparisonOperator.EQUAL, 2021L),
                compare("start_year", Filter.ComparisonOperator.EQUAL, 2023L))), "far-away", "straddling");
        assertMatches(new Filter.Comparison(new Expression.CaseInsensitive(property("id")),
                Filter.ComparisonOperator.EQUAL, new Expression.CaseInsensitive(literal("FAR-AWAY"))), "far-away");
        assertMatches(new Filter.Comparison(property("start_year"), Filter.ComparisonOperator.GREATER,
                property("investment")), "inside-west", "straddling", "far-away");
        assertMatches(compare("sample", Filter.ComparisonOperator.EQUAL, true), "far-away", "inside-west", "straddling");
        assertMatches(new Filter.Constant(false));
    }

    @Test
    void runsSpatialFiltersInsideTheStore() {
        writeProjects("v1");
        Geometry westDistrict = geometry("POLYGON ((125.0 43.0, 125.1 43.0, 125.1 43.1, 125.0 43.1, 125.0 43.0))");
        assertMatches(spatial(Filter.SpatialRelation.INTERSECTS, westDistrict), "inside-west", "straddling");
        assertMatches(spatial(Filter.SpatialRelation.WITHIN, westDistrict), "inside-west");
        assertMatches(spatial(Filter.SpatialRelation.DISJOINT, westDistrict), "far-away");
        assertMatches(spatial(Filter.SpatialRelation.CONTAINS, geometry("POINT (125.11 43.0805)")), "straddling");
        assertMatches(spatial(Filter.SpatialRelation.INTERSECTS, geometry("POINT (125.03 43.03)")), "inside-west");
        assertMatches(spatial(Filter.SpatialRelation.OVERLAPS, westDistrict), "straddling");
        assertMatches(new Filter.Spatial(Filter.SpatialRelation.WITHIN, literal(geometry("POINT (125.03 43.03)")),
                property("geometry")), "inside-west");
    }

    @Test
    void refusesFiltersTheLayerCannotAnswer() {
        writeProjects("v1");
        assertThatThrownBy(() -> store.query(FeatureQuery.all("projects").withFilter(
                compare("colour", Filter.ComparisonOperator.EQUAL, "red"))))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("no property 'colour'");
        assertThatThrownBy(() -> store.query(FeatureQuery.all("projects").withFilter(
                compare("start_year", Filter.ComparisonOperator.EQUAL, "2023"))))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("compares a number with a text");
        assertThatThrownBy(() -> store.query(FeatureQuery.all("projects").withFilter(
                new Filter.Like(property("start_year"), literal("20%")))))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("'LIKE' needs a text");
        assertThatThrownBy(() -> store.query(new FeatureQuery("projects", Optional.empty(), null,
                List.of(new SortKey("geometry", true)), 10, 0)))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("cannot sort by 'geometry'");
    }

    private void assertMatches(Filter filter, String... ids) {
        assertThat(store.query(FeatureQuery.all("projects").withFilter(filter)).features())
                .extracting(Feature::id).containsExactlyInAnyOrder(ids);
    }

    private static Filter compare(String property, Filter.ComparisonOperator operator, Object value) {
        return new Filter.Comparison(property(property), operator, literal(value));
    }

    private static Filter spatial(Filter.SpatialRelation relation, Geometry geometry) {
        return new Filter.Spatial(relation, property("geometry"), literal(geometry));
    }

    private static Expression property(String name) {
        return new Expression.Property(name);
    }

    private static Expression literal(Object value) {
        return new Expression.Literal(value);
    }

    // --- fixtures -------------------------------------------------------------------------

    /** Tables named like a version's staged links: the layers' partitions in PostgreSQL, none in H2. */
    private int stagingTables() {
        Integer count = subject.jdbc().queryForObject("SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE table_schema = CURRENT_SCHEMA AND LOWER(table_name) LIKE 'fl!_%' ESCAPE '!'", Integer.class);
        return count == null ? 0 : count;
    }

    private int buildingVersions() {
        Integer count = subject.jdbc().queryForObject(
                "SELECT COUNT(*) FROM layer_version WHERE state = 'BUILDING'", Integer.class);
        return count == null ? 0 : count;
    }

    private LayerInfo writeDistricts(String checksum) {
        return store.writeLayer(areas("districts", checksum), List.of(
                area("west", "POLYGON ((125.0 43.0, 125.1 43.0, 125.1 43.1, 125.0 43.1, 125.0 43.0))"),
                area("east", "POLYGON ((125.1 43.0, 125.2 43.0, 125.2 43.1, 125.1 43.1, 125.1 43.0))"))
                .iterator(), WriteProgress.NONE);
    }

    private void writeZones(String checksum) {
        store.writeLayer(areas("zones", checksum), List.of(
                area("core", "POLYGON ((125.01 43.01, 125.05 43.01, 125.05 43.05, 125.01 43.05, 125.01 43.01))"))
                .iterator(), WriteProgress.NONE);
    }

    private void writeProjects(String checksum) {
        store.writeLayer(projects(checksum), List.of(
                project("inside-west", "POINT (125.03 43.03)", "西区项目", 2022L, true, null, 3.0),
                project("straddling", "POLYGON ((125.08 43.08, 125.12 43.08, 125.12 43.09, 125.08 43.08))",
                        "跨区项目", 2023L, true, null, 4.0),
                project("far-away", "POINT (120 40)", "远处项目", 2021L, true, null, 5.0))
                .iterator(), WriteProgress.NONE);
    }

    private static LayerSpec areas(String id, String checksum) {
        return new LayerSpec(new LayerDescription(id, LayerKind.PLAN_AREA, "区域 " + id, "Areas " + id, null, null,
                "test", "exact", null), AREA_FIELDS, checksum);
    }

    private static LayerSpec projects(String checksum) {
        return new LayerSpec(new LayerDescription("projects", LayerKind.PROJECTS, "项目库", "Projects", "说明",
                "Description", "test", "exact", "CC0"), PROJECT_FIELDS, checksum);
    }

    private static Feature area(String id, String wkt) {
        return new Feature(id, Map.of("name_zh", "区" + id), geometry(wkt));
    }

    private static Feature project(String id, String wkt, String name, Long year, boolean sample, LocalDate approved,
                                   Double investment) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name_zh", name);
        properties.put("start_year", year);
        properties.put("sample", sample);
        properties.put("approved_on", approved);
        properties.put("investment", investment);
        return new Feature(id, properties, geometry(wkt));
    }

    private static FeatureLink link(String project, String layer, String target, LinkRelation relation) {
        return new FeatureLink("projects", project, layer, target, relation);
    }

    private static Geometry geometry(String wkt) {
        try {
            Geometry geometry = new WKTReader().read(wkt);
            geometry.setSRID(4326);
            return geometry;
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }

    /** The features, running the action before handing over each one. */
    private static Iterator<Feature> beforeEach(Iterator<Feature> features, Runnable action) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return features.hasNext();
            }

            @Override
            public Feature next() {
                action.run();
                return features.next();
            }
        };
    }

    private static <T> T inOtherThread(java.util.function.Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                result.set(work.get());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        thread.start();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw new AssertionError("work in the other thread failed", failure.get());
        }
        return result.get();
    }
}
