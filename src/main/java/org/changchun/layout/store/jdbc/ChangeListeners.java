package org.changchun.layout.store.jdbc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.changchun.layout.store.LayerChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listeners of a store's layer changes; a failing listener does not stop the others. */
public final class ChangeListeners {

    private static final Logger log = LoggerFactory.getLogger(ChangeListeners.class);

    private final List<LayerChangeListener> listeners = new CopyOnWriteArrayList<>();

    public void add(LayerChangeListener listener) {
        listeners.add(listener);
    }

    public void fire(String layerId) {
        for (LayerChangeListener listener : listeners) {
            try {
                listener.layerChanged(layerId);
            } catch (RuntimeException e) {
                log.error("A listener failed on the change of layer {}", layerId, e);
            }
        }
    }
}
