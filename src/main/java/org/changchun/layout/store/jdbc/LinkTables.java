package org.changchun.layout.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FeatureLink;
import org.changchun.layout.feature.LinkRelation;
import org.changchun.layout.store.PolygonTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The {@code feature_link} table: which plan polygons contain or intersect each feature of the
 * project and imported layers. A source layer's write stages its links while its features stream
 * ({@link LinkStaging}) and adopts them whole in its switch transaction; everything else (a plan
 * layer replaced, a version restored, one feature saved) recomputes them with a spatial join that
 * the {@code &&} bounding-box operator lets both stores run on their spatial index.
 *
 * <p>Beside them, the totals a {@link PolygonTally} added up for a source layer and per plan polygon
 * while its links were staged ({@link PolygonTotalsTable}), changed in the transaction of every change of
 * the links.
 */
final class LinkTables {

    private static final Logger log = LoggerFactory.getLogger(LinkTables.class);

    private static final String COLUMNS = String.join(", ", LinkStaging.COLUMNS);
    private static final RowMapper<FeatureLink> LINK = (rows, n) -> new FeatureLink(rows.getString(1),
            rows.getString(2), rows.getString(3), rows.getString(4), LinkRelation.fromCode(rows.getString(5)));

    private final JdbcTemplate jdbc;
    private final SpatialDialect dialect;
    private final PolygonTotalsTable totals;
    /** Whether a gathering of the links' statistics has been asked for and not yet begun. */
    private final AtomicBoolean statisticsWaiting = new AtomicBoolean();
    private volatile CompletableFuture<Void> statistics = CompletableFuture.completedFuture(null);

    LinkTables(JdbcTemplate jdbc, SpatialDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.totals = new PolygonTotalsTable(jdbc);
    }

    /** Has every later write of a source layer tallied by the factory, and its single edits amended. */
    void tallyWith(PolygonTally.Factory factory) {
        totals.tallyWith(factory);
    }

    /**
     * Creates the staging table of a version's links and starts filling it, on a connection of
     * its own; links are computed in memory against the current plan polygons as the
     * features stream past.
     */
    LinkStaging stage(long versionId, String sourceLayer, PlanPolygonIndex targets) {
        StagingTable table = new StagingTable(jdbc.getDataSource(), dialect.bulkLoader(), jdbc.getExceptionTranslator(),
                LinkStaging.tableName(versionId));
        return new LinkStaging(table, sourceLayer, targets, totals.start(sourceLayer), targetOrdered());
    }

    /** Links found, ordered, added up and encoded as {@link #stage} does, and thrown away: a write's rehearsal. */
    LinkStaging rehearse(String sourceLayer, PlanPolygonIndex targets) {
        LinkRows nowhere = LinkRows.discarding(dialect.bulkLoader().map(loader -> loader.discarding(LinkStaging.COLUMNS))
                .orElse(BulkLoader.NOTHING));
        return new LinkStaging(nowhere, sourceLayer, targets, totals.start(sourceLayer), targetOrdered());
    }

    /** A partition's index by target is built from its rows: stored in that order, in one pass. */
    private Optional<TargetOrderedLinks> targetOrdered() {
        return dialect.linkPartitions()
                .map(partitions -> new TargetOrderedLinks(SpillFile.DIRECTORY));
    }

    /**
     * Starts gathering the links' statistics for the planner where the database does not by itself
     * (PostgreSQL's autovacuum never analyzes a partitioned table), so that a district's links are
     * joined to its features by the plan their number calls for. Called after a write has committed,
     * and run beside what follows rather than before the write returns: analyzing every partition
     * took 0.2–0.5 s at a million points, and stale statistics cost plans for a moment, not answers.
     * A request while one is still waiting to start is the same request; a failure is logged.
     */
    void gatherStatisticsSoon() {
        Optional<String> analyze = dialect.analyze("feature_link");
        if (analyze.isEmpty() || !statisticsWaiting.compareAndSet(false, true)) {
            return;
        }
        statistics = ConcurrentStatements.beside(() -> {
            statisticsWaiting.set(false);
            try {
                jdbc.execute(analyze.get());
            } catch (RuntimeException e) {
                log.warn("Could not gather the statistics of feature_link", e);
            }
        });
    }

    /** Waits, a minute at most, for the statistics begun last: the connections are about to close. */
    void awaitStatistics() {
        try {
            statistics.get(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("The statistics of feature_link were not gathered before closing: {}", e.toString());
        }
    }

    /** Statements giving filled staged links the indexes {@link #adoptStaged} needs; they may run concurrently. */
    List<String> stagedIndexStatements(long versionId) {
        return dialect.linkPartitions().map(partitions -> partitions.indexStatements(LinkStaging.tableName(versionId)))
                .orElse(List.of());
    }

    /** Completes indexed staged links for {@link #adoptStaged}, before and outside the switch transaction. */
    void constrainStaged(long versionId, String sourceLayer) {
        dialect.linkPartitions().ifPresent(partitions -> partitions
                .constraintStatements(LinkStaging.tableName(versionId), sourceLayer).forEach(jdbc::execute));
    }

    /**
     * Makes the staged links the source layer's links, inside the switch transaction: as the
     * layer's new partition where the database partitions links, else by copying them over; and
     * what was added up as they were staged, its totals.
     */
    void adoptStaged(LayerTable source, long versionId, Optional<PolygonTally.Tallied> tallied) {
        totals.adopt(source.layerId(), tallied);
        String staging = LinkStaging.tableName(versionId);
        // links where the layer is a target cannot exist: a source layer is never a target
        Optional<LinkPartitions> partitioned = dialect.linkPartitions();
        if (partitioned.isPresent()) {
            List<String> current = jdbc.queryForList(partitioned.get().currentPartitionQuery(), String.class,
                    source.layerId());
            if (current.isEmpty()) {
                jdbc.update("DELETE FROM feature_link WHERE source_layer = ?", source.layerId());
            } else {
                jdbc.execute("DROP TABLE " + current.get(0));
            }
            jdbc.execute(partitioned.get().attach(staging, source.layerId()));
        } else {
            jdbc.update("DELETE FROM feature_link WHERE source_layer = ?", source.layerId());
            jdbc.update("INSERT INTO feature_link (" + COLUMNS + ") SELECT " + COLUMNS + " FROM " + staging);
        }
    }

    /** Drops the staging table of a version that was never adopted, if it has one. */
    void dropStaged(long versionId) {
        jdbc.execute("DROP TABLE IF EXISTS " + LinkStaging.tableName(versionId));
    }

    /**
     * After the switch has committed: drops the staging table unless it became the layer's partition.
     * A staging table left behind costs some disk space; failing the committed write would cost more.
     */
    void releaseStaged(long versionId, boolean adopted) {
        try {
            if (!adopted || dialect.linkPartitions().isEmpty()) {
                dropStaged(versionId);
            }
        } catch (RuntimeException e) {
            log.warn("Could not drop the staged links of layer version {} (table {})", versionId,
                    LinkStaging.tableName(versionId), e);
        }
    }

    /** Recomputes every link that has the layer on either side. */
    void relinkLayer(LayerTable changed, List<LayerTable> layers) {
        totals.dropStale(changed);
        jdbc.update("DELETE FROM feature_link WHERE source_layer = ? OR target_layer = ?",
                changed.layerId(), changed.layerId());
        for (Pair pair : pairsWith(changed, layers)) {
            jdbc.update(joinSql(pair, ""), pair.source.layerId(), pair.target.layerId());
        }
    }

    /**
     * Recomputes the links of one feature, on whichever side its layer is, and amends the totals kept
     * for a source layer.
     *
     * @param before the feature as it was; none if it is new
     * @param after  the feature as stored now
     */
    void relinkFeature(LayerTable changed, Optional<Feature> before, Feature after, List<LayerTable> layers) {
        List<FeatureLink> linksBefore = deleteLinksOf(changed, after.id());
        for (Pair pair : pairsWith(changed, layers)) {
            String side = pair.source == changed ? "s" : "t";
            jdbc.update(joinSql(pair, " AND " + side + ".id = ?"), pair.source.layerId(), pair.target.layerId(),
                    after.id());
        }
        totals.amend(changed, before.map(feature -> new PolygonTally.LinkedFeature(feature, linksBefore)),
                Optional.of(new PolygonTally.LinkedFeature(after, from(changed.layerId(), after.id()))));
    }

    /** Deletes the links of a deleted feature and takes it out of the totals kept. */
    void unlinkFeature(LayerTable changed, Feature deleted) {
        List<FeatureLink> linksBefore = deleteLinksOf(changed, deleted.id());
        totals.amend(changed, Optional.of(new PolygonTally.LinkedFeature(deleted, linksBefore)), Optional.empty());
    }

    /** Deletes the feature's links on either side; returns those from it. */
    private List<FeatureLink> deleteLinksOf(LayerTable changed, String featureId) {
        List<FeatureLink> from = from(changed.layerId(), featureId);
        jdbc.update("DELETE FROM feature_link WHERE (source_layer = ? AND source_id = ?)"
                + " OR (target_layer = ? AND target_id = ?)", changed.layerId(), featureId, changed.layerId(),
                featureId);
        return from;
    }

    Optional<String> keptTotals(String sourceLayer, String targetLayer, String targetId, boolean containedOnly) {
        return totals.kept(sourceLayer, targetLayer, targetId, containedOnly);
    }

    Optional<String> keptLayerTotals(String sourceLayer) {
        return totals.keptOfLayer(sourceLayer);
    }

    List<FeatureLink> from(String layerId, String featureId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM feature_link WHERE source_layer = ? AND source_id = ?"
                + " ORDER BY target_layer, target_id", LINK, layerId, featureId);
    }

    List<FeatureLink> to(String layerId, String featureId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM feature_link WHERE target_layer = ? AND target_id = ?"
                + " ORDER BY source_layer, source_id", LINK, layerId, featureId);
    }

    long countTo(String sourceLayer, String targetLayer, String targetId, boolean containedOnly, long atMost) {
        String relation = containedOnly ? " AND relation = '" + LinkRelation.WITHIN.code() + "'" : "";
        Long counted = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM feature_link WHERE source_layer = ?"
                + " AND target_layer = ? AND target_id = ?" + relation + " LIMIT ?) linked", Long.class,
                sourceLayer, targetLayer, targetId, atMost);
        return counted == null ? 0 : counted;
    }

    private record Pair(LayerTable source, LayerTable target) {
    }

    private static List<Pair> pairsWith(LayerTable changed, List<LayerTable> layers) {
        List<Pair> pairs = new ArrayList<>();
        for (LayerTable other : layers) {
            if (other.layerId().equals(changed.layerId())) {
                continue;
            }
            if (changed.kind().isLinkSource() && other.kind().isLinkTarget()) {
                pairs.add(new Pair(changed, other));
            } else if (changed.kind().isLinkTarget() && other.kind().isLinkSource()) {
                pairs.add(new Pair(other, changed));
            }
        }
        return pairs;
    }

    /**
     * The plan polygon comes first in each predicate: PostGIS then prepares it once and reuses it
     * for every feature it is tested against, instead of re-preparing a large district polygon
     * for each point (twice as fast on big imports).
     */
    private static String joinSql(Pair pair, String extraCondition) {
        return "INSERT INTO feature_link (" + COLUMNS + ")"
                + " SELECT ?, s.id, ?, t.id,"
                + " CASE WHEN ST_Contains(t.geom, s.geom) THEN '" + LinkRelation.WITHIN.code() + "'"
                + " ELSE '" + LinkRelation.INTERSECTS.code() + "' END"
                + " FROM " + pair.source.table() + " s JOIN " + pair.target.table() + " t ON s.geom && t.geom"
                + " WHERE ST_Intersects(t.geom, s.geom)" + extraCondition;
    }
}
