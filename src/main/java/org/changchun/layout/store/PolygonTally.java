package org.changchun.layout.store;

import java.util.List;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FeatureLink;

/**
 * Adds up a link source layer's features per plan polygon while a write stages their links, so that
 * what a polygon holds is known without reading its features again: a district of a ten-million-point
 * layer holds more than a million, which take seconds to read. The store keeps the totals, as text it
 * does not interpret, beside the links and drops them in the transaction that changes either side
 * ({@link FeatureStore#keptTotals}).
 */
public interface PolygonTally {

    /** The features' totals for one plan polygon: of those it contains, or of all it is linked to. */
    record PolygonTotals(String targetLayer, String targetId, boolean containedOnly, String totals) {
    }

    /** Starts the tally of a write, or declines; called once per write of a link source layer. */
    @FunctionalInterface
    interface Factory {

        PolygonTally start(String sourceLayer);
    }

    /** A feature and the links staged for it, none or more; called on one thread, feature after feature. */
    void add(Feature feature, List<FeatureLink> links);

    /** Every polygon's totals, twice: of the features it contains and of all linked to it. */
    List<PolygonTotals> totals();
}
