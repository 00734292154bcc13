package org.changchun.layout.coverage;

import java.util.List;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.plan.PlanLayers;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.feature.LayerInfo;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.stereotype.Component;

/**
 * The districts with prepared geometries, for placing many features in districts quickly; reread
 * whenever the districts layer's data version changes (learnt from the in-memory catalog, so a
 * request asks the database nothing when they have not).
 */
@Component
class DistrictIndex {

    /** @param pieces the district cut along a grid, for the area small features have in it */
    record District(String adcode, String nameZh, String nameEn, Geometry geometry, PreparedGeometry prepared,
                    DistrictPieces pieces) {
    }

    private record Snapshot(long dataVersion, List<District> districts) {
    }

    private final FeatureStore store;
    private final LayerCatalog catalog;
    private volatile Snapshot snapshot;

    DistrictIndex(FeatureStore store, LayerCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    List<District> districts() {
        long version = catalog.find(PlanLayers.DISTRICTS).map(LayerInfo::dataVersion).orElse(-1L);
        Snapshot known = snapshot;
        if (known == null || known.dataVersion() != version) {
            List<District> districts = version < 0 ? List.of() : store.features(PlanLayers.DISTRICTS).stream()
                    .map(DistrictIndex::district).toList();
            known = new Snapshot(version, districts);
            snapshot = known;
        }
        return known.districts();
    }

    private static District district(Feature feature) {
        return new District(feature.id(), feature.text("name_zh"), feature.text("name_en"), feature.geometry(),
                PreparedGeometryFactory.prepare(feature.geometry()), new DistrictPieces(feature.geometry()));
    }
}
