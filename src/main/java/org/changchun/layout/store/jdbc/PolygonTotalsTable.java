package org.changchun.layout.store.jdbc;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.changchun.layout.feature.FeatureLink;
import org.changchun.layout.store.PolygonTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code polygon_totals} table: what a {@link PolygonTally} added up per plan polygon for a source
 * layer's features as their links were staged, and {@code layer_totals}, what it added up for all of
 * them, kept for the layers whose totals are complete. Each change runs in the transaction that changes
 * the links: a write adopts its tally's totals, a single edit of a source feature amends the layer's and
 * those of the polygons it was or is linked to, and any other change (a plan layer's, a restore) drops
 * those it makes stale.
 */
final class PolygonTotalsTable {

    private static final Logger log = LoggerFactory.getLogger(PolygonTotalsTable.class);

    private final JdbcTemplate jdbc;
    private volatile PolygonTally.Factory tallies;

    PolygonTotalsTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void tallyWith(PolygonTally.Factory factory) {
        tallies = factory;
    }

    /** The tally of a source layer's write, if totals are kept. */
    Optional<PolygonTally> start(String sourceLayer) {
        return Optional.ofNullable(tallies).map(factory -> factory.start(sourceLayer));
    }

    /**
     * Makes a write's totals the layer's, inside its switch transaction.
     *
     * @param totals what the write's tally added up, or none if it was not tallied or its tally failed
     */
    void adopt(String sourceLayer, Optional<PolygonTally.Tallied> totals) {
        drop(sourceLayer);
        if (totals.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO polygon_totals (source_layer, target_layer, target_id, contained_only, totals)"
                + " VALUES (?, ?, ?, ?, ?)", totals.get().polygonTotals(), 100, (statement, polygon) -> {
                    statement.setString(1, sourceLayer);
                    statement.setString(2, polygon.targetLayer());
                    statement.setString(3, polygon.targetId());
                    statement.setBoolean(4, polygon.containedOnly());
                    statement.setString(5, polygon.totals());
                });
        jdbc.update("INSERT INTO layer_totals (source_layer, totals) VALUES (?, ?)", sourceLayer,
                totals.get().layerTotals());
    }

    /**
     * Drops the totals a change of the layer's links makes stale: a source layer's own, or, for a plan
     * layer, every layer's (the districts are a plan layer, and every total is split by district).
     */
    void dropStale(LayerTable changed) {
        if (changed.kind().isLinkTarget()) {
            // the layers first, in the order amend() locks: an edit amending totals finishes before they go
            jdbc.update("DELETE FROM layer_totals");
            jdbc.update("DELETE FROM polygon_totals");
        } else {
            drop(changed.layerId());
        }
    }

    /**
     * Amends the kept totals for an edit of one feature, whose links have just been recomputed; drops
     * them when they cannot be amended (a plan feature, totals in another form, a failing amendment).
     */
    void amend(LayerTable changed, Optional<PolygonTally.LinkedFeature> before,
               Optional<PolygonTally.LinkedFeature> after) {
        PolygonTally.Factory factory = tallies;
        if (changed.kind().isLinkTarget() || factory == null) {
            dropStale(changed);
            return;
        }
        // the lock keeps a concurrent change from dropping the totals while this edit amends them
        Optional<String> layerTotals = jdbc.queryForList("SELECT totals FROM layer_totals WHERE source_layer = ?"
                + " FOR UPDATE", String.class, changed.layerId()).stream().findFirst();
        if (layerTotals.isEmpty()) {
            return;
        }
        try {
            PolygonTally.Amendment amendment = factory.amend(before, after);
            Optional<String> amended = amendment.applyToLayer(layerTotals.get());
            if (amended.isEmpty() || !amendEach(changed.layerId(), amendment, polygonsOf(before, after))) {
                drop(changed.layerId());
                return;
            }
            jdbc.update("UPDATE layer_totals SET totals = ? WHERE source_layer = ?", amended.get(),
                    changed.layerId());
        } catch (DataAccessException e) {
            // the database failed, not the amendment: the edit cannot be saved either
            throw e;
        } catch (RuntimeException e) {
            log.warn("Kept totals of layer {} dropped: the edit of a feature could not be added to them",
                    changed.layerId(), e);
            drop(changed.layerId());
        }
    }

    private record Polygon(String layer, String id) {
    }

    private static Set<Polygon> polygonsOf(Optional<PolygonTally.LinkedFeature> before,
                                           Optional<PolygonTally.LinkedFeature> after) {
        Set<Polygon> polygons = new LinkedHashSet<>();
        Stream.concat(before.stream(), after.stream()).flatMap(linked -> linked.links().stream())
                .map((FeatureLink link) -> new Polygon(link.targetLayer(), link.targetId()))
                .forEach(polygons::add);
        return polygons;
    }

    /** Whether every polygon's totals could be amended. */
    private boolean amendEach(String sourceLayer, PolygonTally.Amendment amendment, Set<Polygon> polygons) {
        for (Polygon polygon : polygons) {
            for (boolean containedOnly : new boolean[] {true, false}) {
                Optional<String> kept = kept(sourceLayer, polygon.layer(), polygon.id(), containedOnly);
                Optional<String> amended = amendment.apply(polygon.layer(), polygon.id(), containedOnly, kept);
                if (amended.isEmpty()) {
                    return false;
                }
                if (kept.isPresent()) {
                    jdbc.update("UPDATE polygon_totals SET totals = ? WHERE source_layer = ? AND target_layer = ?"
                            + " AND target_id = ? AND contained_only = ?", amended.get(), sourceLayer,
                            polygon.layer(), polygon.id(), containedOnly);
                } else {
                    jdbc.update("INSERT INTO polygon_totals (source_layer, target_layer, target_id, contained_only,"
                            + " totals) VALUES (?, ?, ?, ?, ?)", sourceLayer, polygon.layer(), polygon.id(),
                            containedOnly, amended.get());
                }
            }
        }
        return true;
    }

    private void drop(String sourceLayer) {
        jdbc.update("DELETE FROM layer_totals WHERE source_layer = ?", sourceLayer);
        jdbc.update("DELETE FROM polygon_totals WHERE source_layer = ?", sourceLayer);
    }

    Optional<String> keptOfLayer(String sourceLayer) {
        return jdbc.queryForList("SELECT totals FROM layer_totals WHERE source_layer = ?", String.class, sourceLayer)
                .stream().findFirst();
    }

    Optional<String> kept(String sourceLayer, String targetLayer, String targetId, boolean containedOnly) {
        return jdbc.queryForList("SELECT totals FROM polygon_totals WHERE source_layer = ? AND target_layer = ?"
                + " AND target_id = ? AND contained_only = ?", String.class, sourceLayer, targetLayer, targetId,
                containedOnly).stream().findFirst();
    }
}
