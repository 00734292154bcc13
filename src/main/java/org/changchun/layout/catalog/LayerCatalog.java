package org.changchun.layout.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Which layers exist and what they hold; the features above it ask here, not the store.
 *
 * <p>The catalog is held in memory so hot paths (tiles) need no database round trip to learn a
 * layer's data version. It is reread as soon as the store reports a committed change (by this
 * process, or by another replica through the store's change feed), and periodically in case a
 * notification was lost.
 */
@Service
public class LayerCatalog {

    private final FeatureStore store;
    private volatile Map<String, LayerInfo> layers;

    LayerCatalog(FeatureStore store) {
        this.store = store;
        store.addChangeListener(layerId -> refresh());
    }

    public List<LayerInfo> all() {
        return List.copyOf(snapshot().values());
    }

    /**
     * The plan's own layers (its areas, the places it names, its projects), which whole-plan tiles,
     * maps and prints show: not those GIS staff imported, nor those the service derives from other
     * data (the districts with their monitoring figures).
     */
    public List<LayerInfo> planLayers() {
        return snapshot().values().stream()
                .filter(l -> l.kind() != LayerKind.IMPORTED && l.kind() != LayerKind.DERIVED).toList();
    }

    /**
     * @throws LayerNotFoundException if there is no such layer
     */
    public LayerInfo get(String layerId) {
        return find(layerId).orElseThrow(() -> new LayerNotFoundException(layerId));
    }

    public Optional<LayerInfo> find(String layerId) {
        LayerInfo known = snapshot().get(layerId);
        if (known != null) {
            return Optional.of(known);
        }
        // created by another replica a moment ago, before its notification arrived
        Optional<LayerInfo> stored = store.layer(layerId);
        stored.ifPresent(layer -> refresh());
        return stored;
    }

    @Scheduled(fixedDelayString = "${plan.catalog.refresh-interval:30s}")
    void refresh() {
        Map<String, LayerInfo> fresh = new LinkedHashMap<>();
        for (LayerInfo layer : store.layers()) {
            fresh.put(layer.id(), layer);
        }
        layers = fresh;
    }

    private Map<String, LayerInfo> snapshot() {
        Map<String, LayerInfo> known = layers;
        if (known == null) {
            refresh();
            known = layers;
        }
        return known;
    }
}
