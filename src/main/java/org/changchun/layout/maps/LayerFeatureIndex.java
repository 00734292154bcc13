package org.changchun.layout.maps;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.store.FeatureStore;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.stereotype.Component;

/**
 * The features a map draws. Small layers — the plan's own hold a few hundred features — are read
 * once per data version and kept with an R-tree, so a map that is not in the map cache reads no
 * database and parses no geometry: reading them took most of a cold 1024 × 768 map's time on
 * PostGIS (docs/benchmarks.md, maps). A layer over {@link #INDEXED_MAX_FEATURES} features (a big
 * import) is asked of the store for each map. Answers are the store's: the features whose geometry
 * intersects the box, in id order.
 */
@Component
class LayerFeatureIndex {

    /** Layers up to this size are kept: some megabytes for polygons as detailed as the districts'. */
    static final int INDEXED_MAX_FEATURES = 20_000;

    private static final Geometry WORLD = new GeometryFactory().toGeometry(new Envelope(-180, 180, -90, 90));

    private record Indexed(long dataVersion, STRtree tree) {
    }

    private record Entry(int order, Feature feature) {
    }

    private final FeatureStore store;
    private final Map<String, Indexed> layers = new ConcurrentHashMap<>();

    LayerFeatureIndex(FeatureStore store) {
        this.store = store;
        // a layer changed or dropped lets go of its features (a dropped import would otherwise stay in memory);
        // the data version still decides, for a map drawn from a catalog read before the change
        store.addChangeListener(layers::remove);
    }

    /** At most {@code limit} features of the layer that intersect the box. */
    List<Feature> intersecting(LayerInfo layer, Geometry box, int limit) {
        if (layer.featureCount() > INDEXED_MAX_FEATURES) {
            return store.intersecting(layer.id(), box, limit);
        }
        STRtree tree = layers.compute(layer.id(), (id, kept) -> kept != null && kept.dataVersion() == layer.dataVersion()
                ? kept : new Indexed(layer.dataVersion(), index(layer))).tree();
        PreparedGeometry area = PreparedGeometryFactory.prepare(box);
        @SuppressWarnings("unchecked")
        List<Entry> candidates = tree.query(box.getEnvelopeInternal());
        return candidates.stream().filter(entry -> area.intersects(entry.feature().geometry()))
                .sorted(Comparator.comparingInt(Entry::order)).limit(limit).map(Entry::feature).toList();
    }

    private STRtree index(LayerInfo layer) {
        List<Feature> features = store.intersecting(layer.id(), WORLD, INDEXED_MAX_FEATURES + 1);
        STRtree tree = new STRtree();
        for (int i = 0; i < features.size(); i++) {
            Feature feature = features.get(i);
            if (feature.geometry() != null && !feature.geometry().isEmpty()) {
                tree.insert(feature.geometry().getEnvelopeInternal(), new Entry(i, feature));
            }
        }
        tree.build();
        return tree;
    }
}
