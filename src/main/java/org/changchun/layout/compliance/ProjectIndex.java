package org.changchun.layout.compliance;

import java.util.List;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.plan.PlanLayers;
import org.changchun.layout.projects.ProjectFields;
import org.changchun.layout.store.FeatureStore;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.stereotype.Component;

/**
 * Which existing projects of the library a site may overlap. A library of up to
 * {@code plan.compliance.max-indexed-features} projects is held in an R-tree, reread when its data
 * version changes; a larger one is asked of the store's spatial index site by site.
 */
@Component
class ProjectIndex {

    /** One project of the library. */
    record Project(String id, String nameZh, String nameEn, String city, Geometry geometry, PreparedGeometry prepared) {
    }

    /** @param tree null when the library is too large to hold, and is queried in the store instead */
    private record Snapshot(long dataVersion, STRtree tree) {
    }

    /** At most this many projects are listed as overlapping one site. */
    static final int MAX_OVERLAPPING = 1000;

    private final FeatureStore store;
    private final LayerCatalog catalog;
    private final ComplianceProperties properties;
    private volatile Snapshot snapshot;

    ProjectIndex(FeatureStore store, LayerCatalog catalog, ComplianceProperties properties) {
        this.store = store;
        this.catalog = catalog;
        this.properties = properties;
    }

    /** The projects whose bounding boxes meet the geometry's. */
    @SuppressWarnings("unchecked")
    List<Project> candidates(Geometry site) {
        Snapshot known = current();
        if (known.tree() != null) {
            return known.tree().query(site.getEnvelopeInternal());
        }
        return store.intersecting(PlanLayers.PROJECTS, site, MAX_OVERLAPPING).stream().map(ProjectIndex::project)
                .toList();
    }

    private Snapshot current() {
        LayerInfo library = catalog.find(PlanLayers.PROJECTS).orElse(null);
        long version = library == null ? -1 : library.dataVersion();
        Snapshot known = snapshot;
        if (known != null && known.dataVersion() == version) {
            return known;
        }
        synchronized (this) {
            known = snapshot;
            if (known == null || known.dataVersion() != version) {
                known = new Snapshot(version, library == null ? empty()
                        : library.featureCount() > properties.maxIndexedFeatures() ? null : read());
                snapshot = known;
            }
            return known;
        }
    }

    private STRtree read() {
        STRtree tree = new STRtree();
        store.readFeatures(PlanLayers.PROJECTS, features -> {
            features.forEach(feature -> tree.insert(feature.geometry().getEnvelopeInternal(), project(feature)));
            return null;
        });
        tree.build();
        return tree;
    }

    private static STRtree empty() {
        STRtree tree = new STRtree();
        tree.build();
        return tree;
    }

    private static Project project(Feature feature) {
        return new Project(feature.id(), feature.text("name_zh"), feature.text("name_en"),
                feature.text(ProjectFields.CITY), feature.geometry(), PreparedGeometryFactory.prepare(feature.geometry()));
    }
}
