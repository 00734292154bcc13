package org.changchun.layout.store;

/**
 * Told, after a write has committed, that a layer changed: a new version or a single edit.
 * Called on the writer's thread for local writes, and on a store thread when another process
 * sharing the database wrote (where the store can learn of it).
 */
@FunctionalInterface
public interface LayerChangeListener {

    void layerChanged(String layerId);
}
