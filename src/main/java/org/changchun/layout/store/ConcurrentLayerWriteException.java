package org.changchun.layout.store;

/** Two writers tried to replace the same layer at once; the later one lost and wrote nothing. */
public class ConcurrentLayerWriteException extends RuntimeException {

    public ConcurrentLayerWriteException(String layerId) {
        super("layer " + layerId + " was replaced by another writer while this write was running");
    }
}
