package org.changchun.layout.store.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.changchun.layout.feature.LinkRelation;
import org.changchun.layout.store.PolygonTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the links of a layer version being built and writes them into its own staging table
 * ({@code fl_<versionId>}, a {@link StagingTable}), on threads and a connection of their own: the writer's thread
 * reads, converts and bulk-loads the features while these test them against the plan's polygons.
 * Features come in groups; two linking threads (one on a single core) each test a whole group, then
 * take their turn, in the order the groups came, to write its links and add it up: polygons near a
 * plan boundary need exact tests that made one linking thread the slowest part of a polygon layer's
 * import, and the links and totals come out as one thread would make them.
 * Links are written as they are found, or, where the staging table becomes a partition whose
 * indexes are built from it, set aside and {@linkplain #store stored} once every feature is read,
 * in the order of their targets ({@link TargetOrderedLinks}), beside the features' own load.
 * The staging table becomes the layer's links in the switch transaction ({@link LinkTables#adoptStaged}),
 * with what a {@link PolygonTally} added up on the same thread.
 */
final class LinkStaging implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LinkStaging.class);

    static final List<String> COLUMNS = List.of("source_layer", "source_id", "target_layer", "target_id", "relation");
    /** Features travel to the linking threads in groups, so handing over costs little per feature. */
    private static final int HANDOFF_SIZE = 512;
    private static final int LINKERS = Math.min(2, Runtime.getRuntime().availableProcessors());
    /** Told apart by identity from every group handed over; each linking thread stops at one. */
    private static final Group END = new Group(-1, Collections.unmodifiableList(new ArrayList<>()));

    /** Features handed over together, numbered in the order they came. */
    private record Group(long number, List<Feature> features) {
    }

    private final String sourceLayer;
    private final PlanPolygonIndex targets;
    private final Optional<PolygonTally> tally;
    private final Optional<TargetOrderedLinks> ordered;
    private final LinkRows rows;
    private final BlockingQueue<Group> handoff = new ArrayBlockingQueue<>(16);
    private final List<Thread> linkers = new ArrayList<>();
    private List<Feature> pending = new ArrayList<>(HANDOFF_SIZE);
    private long handedOver;
    /** Held while a group's links are written and added up; they are written in the groups' order. */
    private final Object turn = new Object();
    /** The number of the group whose turn it is to be written; guarded by {@link #turn}. */
    private long written;
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
        for (int i = 0; i < LINKERS; i++) {
            Thread linker = new Thread(this::linkHandedOff, "link-staging " + sourceLayer + " " + (i + 1));
            linker.setDaemon(true);
            linkers.add(linker);
        }
        linkers.forEach(Thread::start);
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
                // means every thread only ever reads it
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
        for (int i = 0; i < linkers.size(); i++) {
            handOff(END);
        }
        awaitLinkers();
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
            linkers.forEach(linker -> handoff.offer(END));
            wakeWaitingTurns();
            awaitLinkers();
            rows.abandon();
        }
        closeQuietly(ordered.orElse(null));
        rows.close();
    }

    private void handOff(List<Feature> features) {
        handOff(new Group(handedOver++, features));
    }

    private void handOff(Group group) {
        try {
            while (!handoff.offer(group, 100, TimeUnit.MILLISECONDS)) {
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

    /**
     * A linking thread: finds the links of each group it takes, then writes them when the group's turn
     * comes, until the end, a failure or abandonment.
     */
    private void linkHandedOff() {
        try {
            for (Group group = handoff.take(); group != END && !stopped(); group = handoff.take()) {
                GroupLinks links = new GroupLinks(group.features().size());
                for (Feature feature : group.features()) {
                    targets.linksOf(feature.geometry(), links::add);
                    links.endFeature();
                }
                synchronized (turn) {
                    // a turn that will not come, or a write that failed before it, ends this thread
                    while (!stopped() && written != group.number()) {
                        turn.wait();
                    }
                    if (stopped()) {
                        return;
                    }
                    try {
                        write(group.features(), links);
                    } finally {
                        written++;
                        turn.notifyAll();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            linkFailure = e;
            wakeWaitingTurns();
        }
    }

    private boolean stopped() {
        return abandoned || linkFailure != null;
    }

    /** A thread waiting for its group's turn stops waiting when the turn will not come. */
    private void wakeWaitingTurns() {
        synchronized (turn) {
            turn.notifyAll();
        }
    }

    private void write(List<Feature> features, GroupLinks links) {
        for (int i = 0; i < features.size(); i++) {
            write(features.get(i), links, links.start(i), links.start(i + 1));
        }
    }

    private void write(Feature feature, GroupLinks group, int from, int to) {
        // the links are collected only for a tally still adding up
        List<FeatureLink> links = tally.isPresent() && !tallyFailed ? new ArrayList<>(to - from) : null;
        for (int i = from; i < to; i++) {
            String targetLayer = group.targetLayers[i];
            String targetId = group.targetIds[i];
            LinkRelation relation = group.relations[i];
            if (ordered.isPresent()) {
                ordered.get().add(feature.id(), targetLayer, targetId, relation);
            } else {
                rows.write(sourceLayer, feature.id(), targetLayer, targetId, relation);
            }
            found++;
            if (links != null) {
                links.add(new FeatureLink(sourceLayer, feature.id(), targetLayer, targetId, relation));
            }
        }
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

    private void awaitLinkers() {
        for (Thread linker : linkers) {
            try {
                linker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandoned = true;
                linkers.forEach(Thread::interrupt);
                return;
            }
        }
    }

    /** The links found in a group, feature after feature, in arrays that grow as needed. */
    private static final class GroupLinks {

        private String[] targetLayers = new String[16];
        private String[] targetIds = new String[16];
        private LinkRelation[] relations = new LinkRelation[16];
        private int size;
        /** Where each feature's links start, and after the last feature where they end. */
        private final int[] starts;
        private int features;

        GroupLinks(int featureCount) {
            this.starts = new int[featureCount + 1];
        }

        void add(String targetLayer, String targetId, LinkRelation relation) {
            if (size == relations.length) {
                targetLayers = Arrays.copyOf(targetLayers, size * 2);
                targetIds = Arrays.copyOf(targetIds, size * 2);
                relations = Arrays.copyOf(relations, size * 2);
            }
            targetLayers[size] = targetLayer;
            targetIds[size] = targetId;
            relations[size++] = relation;
        }

        void endFeature() {
            starts[++features] = size;
        }

        int start(int feature) {
            return starts[feature];
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
