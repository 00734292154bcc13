package org.changchun.layout.store.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FeatureLink;
import org.changchun.layout.store.PolygonTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the links of a layer version being built and writes them into its own staging table
 * ({@code fl_<versionId>}, a {@link StagingTable}), on a thread and a connection of their own: the writer's thread
 * reads, converts and bulk-loads the features while this one tests them against the plan's
 * polygons, so on a machine with two cores or more linking adds little to an import's time.
 * Links are written as they are found, or, where the staging table becomes a partition whose
 * indexes are built from it, set aside and {@linkplain #store stored} once every feature is read,
 * in the order of their targets ({@link TargetOrderedLinks}), beside the features' own load.
 * The staging table becomes the layer's links in the switch transaction ({@link LinkTables#adoptStaged}),
 * with what a {@link PolygonTally} added up on the same thread.
 */
final class LinkStaging implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LinkStaging.class);

    static final List<String> COLUMNS = List.of("source_layer", "source_id", "target_layer", "target_id", "relation");
    /** Features travel to the linking thread in groups, so handing over costs little per feature. */
    private static final int HANDOFF_SIZE = 512;
    /** Told apart by identity from every group handed over. */
    private static final List<Feature> END = Collections.unmodifiableList(new ArrayList<>());

    private final String sourceLayer;
    private final PlanPolygonIndex targets;
    private final Optional<PolygonTally> tally;
    private final Optional<TargetOrderedLinks> ordered;
    private final LinkRows rows;
    private final BlockingQueue<List<Feature>> handoff = new ArrayBlockingQueue<>(16);
    private final Thread linker;
    private List<Feature> pending = new ArrayList<>(HANDOFF_SIZE);
    private volatile RuntimeException linkFailure;
    private boolean tallyFailed;
    private volatile boolean abandoned;
    private long found;
    private volatile boolean finished;
    private CompletableFuture<Void> storing;

    /** @param rows where the links go; closed with this */
    LinkStaging(LinkRows rows, String sourceLayer, PlanPolygonIndex targets, Optional<PolygonTally> tally,
                Optional<TargetOrderedLinks> ordered) {
        this.rows = rows;
        this.sourceLayer = sourceLayer;
        this.targets = targets;
        this.tally = tally;
        this.ordered = ordered;
        this.linker = new Thread(this::linkHandedOff, "link-staging " + sourceLayer);
        linker.setDaemon(true);
        linker.start();
    }

    static String tableName(long versionId) {
        return "fl_" + versionId;
    }

    /** The features, unchanged, each one's links staged as it passes. */
    Iterator<Feature> linking(Iterator<Feature> features) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return features.hasNext();
            }

            @Override
            public Feature next() {
                Feature feature = features.next();
                // JTS caches a geometry's envelope on first use; computing it before the hand-off
                // means both threads only ever read it
                feature.geometry().getEnvelopeInternal();
                pending.add(feature);
                if (pending.size() == HANDOFF_SIZE) {
                    handOff(pending);
                    pending = new ArrayList<>(HANDOFF_SIZE);
                }
                return feature;
            }
        };
    }

    /** What the tally added up, if there is one and it added up every feature; known once {@link #finishLinking} has returned. */
    Optional<PolygonTally.Tallied> totals() {
        return tally.filter(t -> !tallyFailed).map(PolygonTally::totals);
    }

    /** How many links were found; known once {@link #finishLinking} has returned. */
    long found() {
        return found;
    }

    /** Waits for the last features' links to be found, once every feature has been handed over. */
    void finishLinking() {
        handOff(pending);
        handOff(END);
        awaitLinker();
        if (linkFailure != null) {
            throw linkFailure;
        }
    }

    /**
     * Finishes linking, then starts {@linkplain #store storing} the links on a thread of their own, beside
     * what the writer does next (sending the features, which a load in spatial order holds back until the
     * last is read); {@link #awaitStored} waits for it.
     */
    void finishLinkingAndStoreBeside() {
        finishLinking();
        storing = ConcurrentStatements.beside(this::store);
    }

    /** Returns once the links are stored, throwing what storing them threw; stores them now if not started. */
    void awaitStored() {
        if (storing == null) {
            store();
            return;
        }
        try {
            storing.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Writes the links set aside, if any, and commits them all, after {@link #finishLinking}; until then
     * a failure leaves nothing behind. May run on another thread than the one that staged.
     */
    void store() {
        ordered.ifPresent(links -> links.forEachInTargetOrder((sourceId, targetLayer, targetId, relation) ->
                rows.write(sourceLayer, sourceId, targetLayer, targetId, relation)));
        rows.commit();
        finished = true;
    }

    @Override
    public void close() {
        if (storing != null) {
            // the rows may not be abandoned or closed under a store still running
            storing.handle((stored, failure) -> null).join();
        }
        if (!finished) {
            abandoned = true;
            handoff.clear();
            handoff.offer(END);
            awaitLinker();
            rows.abandon();
        }
        closeQuietly(ordered.orElse(null));
        rows.close();
    }

    private void handOff(List<Feature> features) {
        try {
            while (!handoff.offer(features, 100, TimeUnit.MILLISECONDS)) {
                if (linkFailure != null) {
                    throw linkFailure;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while linking " + sourceLayer, e);
        }
        if (linkFailure != null) {
            throw linkFailure;
        }
    }

    /** The linking thread: links every feature handed over until the end, a failure or abandonment. */
    private void linkHandedOff() {
        try {
            for (List<Feature> features = handoff.take(); features != END && !abandoned; features = handoff.take()) {
                for (Feature feature : features) {
                    link(feature);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            linkFailure = e;
        }
    }

    private void link(Feature feature) {
        // the links are collected only for a tally still adding up
        List<FeatureLink> links = tally.isPresent() && !tallyFailed ? new ArrayList<>(4) : null;
        targets.linksOf(feature.geometry(), (targetLayer, targetId, relation) -> {
            if (ordered.isPresent()) {
                ordered.get().add(feature.id(), targetLayer, targetId, relation);
            } else {
                rows.write(sourceLayer, feature.id(), targetLayer, targetId, relation);
            }
            found++;
            if (links != null) {
                links.add(new FeatureLink(sourceLayer, feature.id(), targetLayer, targetId, relation));
            }
        });
        if (links == null) {
            return;
        }
        try {
            tally.get().add(feature, links);
        } catch (RuntimeException e) {
            // the totals only save reading the features again: the layer is written without them
            tallyFailed = true;
            log.warn("Could not add up feature {} of {}; its totals per plan polygon are not kept", feature.id(),
                    sourceLayer, e);
        }
    }

    private void awaitLinker() {
        try {
            linker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandoned = true;
            linker.interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // nothing more can be done with a resource that will not close
            }
        }
    }
}
