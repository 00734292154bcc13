package org.changchun.layout.store.jdbc;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.query.FeatureQuery;
import org.changchun.layout.query.InvalidQueryException;
import org.changchun.layout.feature.FeatureLink;
import org.changchun.layout.store.FeaturePage;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.RehearsedWrite;
import org.changchun.layout.store.LayerChangeListener;
import org.changchun.layout.store.NativeTiles;
import org.changchun.layout.store.PolygonTally;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.feature.LayerVersion;
import org.changchun.layout.store.StoreDescription;
import org.changchun.layout.store.WritePhase;
import org.changchun.layout.store.WriteProgress;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The feature store over JDBC, shared by PostGIS and H2GIS; the few statements in which they
 * differ come from the {@link SpatialDialect}.
 *
 * <p>A layer write builds a new table outside the catalog's view, then, in one short
 * transaction, points the layer at it and recomputes its links. Readers therefore see either
 * the old version with its links or the new one with its links, on both stores, even though
 * H2 commits DDL implicitly.
 */
public final class JdbcFeatureStore implements FeatureStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcFeatureStore.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Heartbeats heartbeats;
    private final SpatialDialect dialect;
    private final CatalogTables catalog;
    private final FeatureTables features;
    private final LinkTables links;
    private final VersionIndexes indexes;
    private final VersionRetention retention;
    private final ChangeListeners listeners;
    private final ReadRoute reads;
    /** Where each layer's current version lives, so reads need no catalog query; evicted on every change. */
    private final Map<String, LayerTable> currentTables = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();

    /**
     * @param keptPreviousVersions   how many replaced versions of a layer stay restorable
     * @param previousVersionsMaxAge how long after it was replaced a version stays, at most
     * @param abandonedAfter         how long an unfinished write may stay silent before
     *                               {@link #discardUnfinishedWrites()} takes it for dead
     * @param reads                  where the reads made for a request run, each bounded by the
     *                               statement timeout (not writes)
     */
    public JdbcFeatureStore(JdbcTemplate jdbc, TransactionTemplate transactions, SpatialDialect dialect,
                            int keptPreviousVersions, Optional<Duration> previousVersionsMaxAge,
                            Duration abandonedAfter, ReadRoute reads, ChangeListeners listeners) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.dialect = dialect;
        this.catalog = new CatalogTables(jdbc, dialect);
        this.heartbeats = new Heartbeats(transactions, catalog);
        this.reads = reads;
        this.features = new FeatureTables(jdbc, dialect, reads);
        this.links = new LinkTables(jdbc, dialect);
        this.indexes = new VersionIndexes(jdbc, dialect, features, links);
        this.retention = new VersionRetention(catalog, features, links, keptPreviousVersions, previousVersionsMaxAge,
                abandonedAfter);
        this.listeners = listeners;
        // first of all listeners: whatever they read after a change must see it, on a standby too
        listeners.add(layerId -> {
            changes.incrementAndGet();
            currentTables.remove(layerId);
            reads.sawPrimary();
        });
    }

    /**
     * Lets the links' statistics a write began finish before the connections close (a command-line
     * import ends right after its write); Spring calls it when the context closes.
     */
    public void close() {
        links.awaitStatistics();
    }

    @Override
    public StoreDescription describe() {
        return new StoreDescription(dialect.kind(), jdbc.queryForObject(dialect.versionQuery(), String.class));
    }

    @Override
    public List<LayerInfo> layers() {
        return sawPrimary(catalog.layers());
    }

    @Override
    public Optional<LayerInfo> layer(String layerId) {
        return sawPrimary(catalog.layer(layerId));
    }

    /**
     * The catalog is read on the primary, and what callers learn from it (a layer's data version,
     * its table) names data a standby may not have replayed yet: reads must wait for it from now on.
     */
    private <T> T sawPrimary(T catalogAnswer) {
        reads.sawPrimary();
        return catalogAnswer;
    }

    @Override
    public LayerInfo writeLayer(LayerSpec spec, Iterator<Feature> source, WriteProgress progress) {
        OptionalLong replaced = catalog.layer(spec.id()).map(l -> OptionalLong.of(l.version())).orElse(OptionalLong.empty());
        long versionId = catalog.nextVersionId();
        String table = LayerTable.tableName(versionId);
        boolean linksStaged = spec.kind().isLinkSource();
        catalog.insertBuildingVersion(versionId, spec);
        LinkStaging staging = null;
        Switched switched;
        try {
            long started = System.nanoTime();
            progress.phase(WritePhase.WRITING);
            SourceOrder ordered = SourceOrder.of(source);
            features.create(table, spec.fields());
            // the plan polygons the links are staged against, read once
            List<LayerInfo> plan = linksStaged ? planLayers() : List.of();
            if (linksStaged) {
                staging = links.stage(versionId, spec.id(),
                        new PlanPolygonIndex(features, plan.stream().map(JdbcFeatureStore::table).toList()));
            }
            Loaded loaded = load(spec, table, versionId, ordered, ordered.spatial(), staging, progress);
            long inserted = System.nanoTime();
            progress.phase(WritePhase.INDEXING);
            indexes.build(table, versionId, spec.id(), staging);
            if (staging != null) {
                staging.close();
                staging = null;
            }
            long indexed = System.nanoTime();
            progress.phase(WritePhase.PUBLISHING);
            switched = transactions.execute(status -> {
                catalog.makeCurrent(spec, versionId, loaded.content(), replaced);
                LayerTable current = new LayerTable(spec.id(), spec.kind(), versionId, spec.fields(),
                        loaded.content().extent());
                // links staged against plan polygons that changed meanwhile are recomputed from the store
                boolean adopted = linksStaged && versions(planLayers()).equals(versions(plan));
                if (adopted) {
                    links.adoptStaged(current, versionId, loaded.totals());
                } else {
                    links.relinkLayer(current, catalog.currentTables());
                }
                announce(spec.id());
                return new Switched(catalog.layer(spec.id()).orElseThrow(), adopted);
            });
            log.debug("Wrote layer {} version {}: {} features (came in spatial order: {}), {} staged links; insert and"
                    + " link (sorted in spatial order on the way unless they came so) {} ms, links stored and indexes {} ms,"
                    + " switch {} ms", spec.id(), versionId,
                    loaded.content().count(), ordered.spatial(), loaded.links(), (inserted - started) / 1_000_000,
                    (indexed - inserted) / 1_000_000, (System.nanoTime() - indexed) / 1_000_000);
        } catch (DuplicateKeyException e) {
            retention.discardUnfinished(versionId, staging);
            throw new IllegalArgumentException("layer " + spec.id() + ": a feature id appears more than once", e);
        } catch (RuntimeException e) {
            retention.discardUnfinished(versionId, staging);
            throw e;
        }
        // the write is committed: nothing from here on may undo it
        if (linksStaged) {
            links.releaseStaged(versionId, switched.linksAdopted());
        }
        listeners.fire(spec.id());
        retention.dropSurplusVersions(spec.id());
        if (linksStaged) {
            // after the drops, which would wait for it: they take the links table's partitions away
            links.gatherStatisticsSoon();
        }
        return switched.layer();
    }

    @Override
    public RehearsedWrite rehearseWrite(LayerSpec spec, Iterator<Feature> source) {
        if (!spec.kind().isLinkSource()) {
            SourceOrder ordered = SourceOrder.of(source);
            return new RehearsedWrite(features.rehearseInsert(spec.fields(), ordered, ordered.spatial()).count(), 0);
        }
        PlanPolygonIndex targets = new PlanPolygonIndex(features, planLayers().stream().map(JdbcFeatureStore::table).toList());
        try (LinkStaging staging = links.rehearse(spec.id(), targets)) {
            SourceOrder ordered = SourceOrder.of(source);
            ContentSummary content = features.rehearseInsert(spec.fields(), staging.linking(ordered), ordered.spatial());
            staging.finishLinking();
            // the totals written out as a write's switch keeps them
            staging.totals();
            staging.store();
            return new RehearsedWrite(content.count(), staging.found());
        }
    }

    private record Switched(LayerInfo layer, boolean linksAdopted) {
    }

    private record Loaded(ContentSummary content, long links, Optional<PolygonTally.Tallied> totals) {
    }

    /** Fills the version's table; for a source layer, finds its links on the way and starts storing them once all are read. */
    private Loaded load(LayerSpec spec, String table, long versionId, Iterator<Feature> source, boolean inSpatialOrder,
                        LinkStaging staging, WriteProgress progress) {
        WriteProgress beating = heartbeats.beating(versionId, progress);
        Iterator<Feature> written = staging == null ? source : staging.linking(source);
        Runnable allRead = staging == null ? () -> { } : staging::finishLinkingAndStoreBeside;
        ContentSummary content = transactions.execute(status ->
                features.insertAll(table, spec.fields(), written, inSpatialOrder, beating, allRead));
        if (staging == null) {
            return new Loaded(content, 0, Optional.empty());
        }
        return new Loaded(content, staging.found(), staging.totals());
    }

    @Override
    public List<LayerVersion> versions(String layerId) {
        return catalog.versions(layerId);
    }

    @Override
    public LayerInfo restore(String layerId, long version) {
        LayerInfo restored = transactions.execute(status -> {
            if (!catalog.makePreviousCurrent(layerId, version)) {
                throw new NoSuchElementException("layer " + layerId + " has no kept version " + version);
            }
            LayerTable current = table(catalog.layer(layerId).orElseThrow());
            links.relinkLayer(current, catalog.currentTables());
            announce(layerId);
            return catalog.layer(layerId).orElseThrow();
        });
        listeners.fire(layerId);
        retention.dropSurplusVersions(layerId);
        return restored;
    }

    @Override
    public List<Feature> features(String layerId) {
        return features.all(table(layerId));
    }

    @Override
    public <T> T readFeatures(String layerId, Function<Stream<Feature>, T> reader) {
        LayerTable table = table(layerId);
        // inside a transaction, so PostgreSQL streams the rows through a cursor
        return transactions.execute(status -> features.stream(table, reader));
    }

    @Override
    public void readGeometries(String layerId, Consumer<Geometry> consumer) {
        LayerTable table = table(layerId);
        transactions.executeWithoutResult(status -> features.geometries(table, consumer));
    }

    @Override
    public Optional<Feature> feature(String layerId, String featureId) {
        return features.byId(table(layerId), featureId);
    }

    @Override
    public List<Feature> intersecting(String layerId, Geometry geometry, int limit) {
        return features.intersecting(table(layerId), geometry, limit);
    }

    @Override
    public FeaturePage query(FeatureQuery query) {
        try {
            return features.query(table(query.layerId()), query);
        } catch (DataAccessException e) {
            throw queryFault(e);
        }
    }

    @Override
    public <T> T readMatching(FeatureQuery query, Function<Stream<Feature>, T> reader) {
        try {
            return features.readMatching(table(query.layerId()), query, reader);
        } catch (DataAccessException e) {
            throw queryFault(e);
        }
    }

    /**
     * SQLSTATE class 22, data exception: a value the filter computes is out of range (an overflow
     * in its arithmetic, a number too large for NUMERIC), so the query is the fault; other failures
     * stay what they are.
     */
    private static RuntimeException queryFault(DataAccessException e) {
        if (e.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith("22")) {
            return new InvalidQueryException("过滤条件中的计算超出数值范围（例如算术溢出）：请改用较小的数",
                    "a value computed by the filter is out of range (e.g. an arithmetic overflow); use smaller numbers");
        }
        return e;
    }

    @Override
    public void saveFeature(String layerId, Feature feature) {
        transactions.executeWithoutResult(status -> {
            LayerInfo layer = catalog.lockedLayer(layerId).orElseThrow(() -> noSuchLayer(layerId));
            LayerTable table = table(layer);
            Optional<Feature> before = features.byId(table, feature.id());
            boolean existed = features.delete(table, feature.id());
            features.insert(table, feature);
            Envelope extent = new Envelope(layer.extent());
            extent.expandToInclude(feature.geometry().getEnvelopeInternal());
            String geometryType = layer.featureCount() == (existed ? 1 : 0)
                    ? feature.geometry().getGeometryType()
                    : GeometryTypes.common(layer.geometryType(), feature.geometry());
            catalog.recordEdit(layer, layer.featureCount() + (existed ? 0 : 1), extent, geometryType);
            // as stored, which is what a later edit will read back as the feature before it
            links.relinkFeature(table, before, features.byId(table, feature.id()).orElseThrow(),
                    catalog.currentTables());
            announce(layerId);
        });
        listeners.fire(layerId);
    }

    @Override
    public boolean deleteFeature(String layerId, String featureId) {
        Boolean deleted = transactions.execute(status -> {
            LayerInfo layer = catalog.lockedLayer(layerId).orElseThrow(() -> noSuchLayer(layerId));
            Optional<Feature> removed = features.byId(table(layer), featureId);
            if (removed.isEmpty() || !features.delete(table(layer), featureId)) {
                return false;
            }
            // the extent may now be larger than needed, which still bounds every feature
            catalog.recordEdit(layer, layer.featureCount() - 1, layer.extent(), layer.geometryType());
            links.unlinkFeature(table(layer), removed.get());
            announce(layerId);
            return true;
        });
        if (Boolean.TRUE.equals(deleted)) {
            listeners.fire(layerId);
            return true;
        }
        return false;
    }

    @Override
    public List<FeatureLink> linksFrom(String layerId, String featureId) {
        return links.from(layerId, featureId);
    }

    @Override
    public List<FeatureLink> linksTo(String targetLayerId, String targetId) {
        return links.to(targetLayerId, targetId);
    }

    @Override
    public long countLinked(String sourceLayerId, String targetLayerId, String targetId, boolean containedOnly,
                            long atMost) {
        return links.countTo(sourceLayerId, targetLayerId, targetId, containedOnly, atMost);
    }

    @Override
    public void tallyLinkedFeatures(PolygonTally.Factory factory) {
        links.tallyWith(factory);
    }

    @Override
    public Optional<String> keptTotals(String sourceLayerId, String targetLayerId, String targetId,
                                       boolean containedOnly) {
        return links.keptTotals(sourceLayerId, targetLayerId, targetId, containedOnly);
    }

    @Override
    public Optional<String> keptLayerTotals(String sourceLayerId) {
        return links.keptLayerTotals(sourceLayerId);
    }

    @Override
    public void discardUnfinishedWrites() {
        retention.discardUnfinishedWrites();
    }

    @Override
    public void discardExpiredVersions() {
        retention.discardExpiredVersions();
    }

    @Override
    public Optional<NativeTiles> nativeTiles() {
        return dialect.mvt().map(sql -> new JdbcNativeTiles(reads, this::table, sql));
    }

    @Override
    public void addChangeListener(LayerChangeListener listener) {
        listeners.add(listener);
    }

    /** Tells other processes about the change; delivered by the database when the transaction commits. */
    private void announce(String layerId) {
        dialect.changeNotification().ifPresent(sql -> jdbc.queryForList(sql, layerId));
    }

    /** The layers whose polygons features are linked to. */
    private List<LayerInfo> planLayers() {
        return catalog.layers().stream().filter(layer -> layer.kind().isLinkTarget()).toList();
    }

    /** The version and data version of each layer, by layer id. */
    private static Map<String, List<Long>> versions(List<LayerInfo> layers) {
        return layers.stream().collect(Collectors.toMap(LayerInfo::id, layer -> List.of(layer.version(), layer.dataVersion())));
    }

    private LayerTable table(String layerId) {
        LayerTable known = currentTables.get(layerId);
        if (known != null) {
            return known;
        }
        long before = changes.get();
        LayerTable current = table(layer(layerId).orElseThrow(() -> noSuchLayer(layerId)));
        // a change that committed while this was read must not be overwritten by the older answer
        currentTables.compute(layerId, (id, cached) -> changes.get() == before ? current : cached);
        return current;
    }

    private static LayerTable table(LayerInfo layer) {
        return new LayerTable(layer.id(), layer.kind(), layer.version(), layer.fields(), layer.extent());
    }

    private static NoSuchElementException noSuchLayer(String layerId) {
        return new NoSuchElementException("no layer " + layerId);
    }
}
