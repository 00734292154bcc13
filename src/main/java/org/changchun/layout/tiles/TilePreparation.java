package org.changchun.layout.tiles;

import jakarta.annotation.PreDestroy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.store.FeatureStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds in the background, at start-up and after every committed change to a layer, what the
 * first merged-point tile of a big layer would otherwise wait for: on the embedded store, the
 * layer's points in memory (seconds for hundreds of thousands of points; docs/benchmarks.md,
 * "Embedded store"), which a planner opening the map after
 * an import would feel on every low-zoom tile at once.
 *
 * <p>One layer at a time, and at most one build waiting per layer: a burst of edits to a big layer
 * builds its latest version once, not once per edit. A tile asked for while its layer is being
 * built waits for that build rather than starting another. Should a build fail, the first tile
 * builds it, as without this class. Only a service serving tiles prepares them: the command line's
 * import would start a build only to stop it when it exits.
 */
@Component
@ConditionalOnWebApplication
class TilePreparation {

    private static final Logger LOG = LoggerFactory.getLogger(TilePreparation.class);

    private final LayerCatalog catalog;
    private final TileService tiles;
    /** Layers with a build queued and not yet started. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tile-preparation");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * The catalog comes first, so its own listener, registered when it was made, has learnt of a
     * change before this one's build asks it for the layer's new data version.
     */
    TilePreparation(LayerCatalog catalog, FeatureStore store, TileService tiles) {
        this.catalog = catalog;
        this.tiles = tiles;
        store.addChangeListener(this::prepareLater);
    }

    /** The layers as the catalog lists them once the service is up; a database away then is no reason to stop it. */
    @EventListener(ApplicationReadyEvent.class)
    void prepareEveryLayer() {
        inBackground(() -> catalog.all().forEach(layer -> prepareLater(layer.id())), "every layer");
    }

    private void prepareLater(String layerId) {
        if (queued.add(layerId)) {
            inBackground(() -> {
                // a change from now on queues another build: this one may already read the older version
                queued.remove(layerId);
                catalog.find(layerId).ifPresent(tiles::prepare);
            }, "layer " + layerId);
        }
    }

    private void inBackground(Runnable preparation, String what) {
        try {
            worker.execute(() -> {
                try {
                    preparation.run();
                } catch (RuntimeException e) {
                    if (worker.isShutdown()) {
                        return; // stopped mid-build: the database may be closing under it
                    }
                    LOG.warn("Could not prepare the tiles of {} ahead; the first merged-point tile will: {}", what,
                            e.toString());
                }
            });
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Not preparing the tiles of {}: the service is stopping", what);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
