package org.changchun.layout.catalog;

import java.util.List;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.LayerInfo;
import org.springframework.stereotype.Service;

/** Which layers exist and what they hold; the features above it ask here, not the store. */
@Service
public class LayerCatalog {

    private final FeatureStore store;

    LayerCatalog(FeatureStore store) {
        this.store = store;
    }

    public List<LayerInfo> all() {
        return store.layers();
    }

    /**
     * @throws LayerNotFoundException if there is no such layer
     */
    public LayerInfo get(String layerId) {
        return store.layer(layerId).orElseThrow(() -> new LayerNotFoundException(layerId));
    }
}
