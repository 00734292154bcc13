package org.changchun.layout.store;

import java.util.List;
import java.util.Optional;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FeatureLink;

/**
 * Adds up a link source layer's features, all of them and per plan polygon, while a write stages their
 * links, so that what a polygon or the layer holds is known without reading the features again: a
 * district of a ten-million-point layer holds more than a million, which take seconds to read. The store
 * keeps the totals, as text it does not interpret, beside the links; a single edit of a feature amends
 * them in its own transaction, any other change of the links of either side drops them
 * ({@link FeatureStore#keptTotals}, {@link FeatureStore#keptLayerTotals}).
 */
public interface PolygonTally {

    /** The features' totals for one plan polygon: of those it contains, or of all it is linked to. */
    record PolygonTotals(String targetLayer, String targetId, boolean containedOnly, String totals) {
    }

    /** What a write's tally added up: of all the layer's features, and per plan polygon. */
    record Tallied(String layerTotals, List<PolygonTotals> polygonTotals) {
    }

    /** A feature with its links as a source, as they were or are around an edit. */
    record LinkedFeature(Feature feature, List<FeatureLink> links) {
    }

    /** Starts the tallies of writes and the amendments of single edits. */
    interface Factory {

        /** Starts the tally of a write, or declines; called once per write of a link source layer. */
        PolygonTally start(String sourceLayer);

        /**
         * What one edit of a feature changes in the totals kept for its layer.
         *
         * @param before the feature as it was, with its links; none if the edit created it
         * @param after  the feature as it is now, with its links; none if the edit deleted it
         */
        Amendment amend(Optional<LinkedFeature> before, Optional<LinkedFeature> after);
    }

    /** One edit's change to the layer's totals and to those of each plan polygon the feature was or is linked to. */
    interface Amendment {

        /**
         * The layer's totals with the edit applied.
         *
         * @return none if the kept totals cannot be amended: the store then drops every total of the layer
         */
        Optional<String> applyToLayer(String kept);

        /**
         * The polygon's totals with the edit applied.
         *
         * @param kept the totals kept for the polygon; none if no feature of the layer was linked to it
         * @return none if the kept totals cannot be amended (kept in another form or under other names):
         *         the store then drops every total of the layer
         */
        Optional<String> apply(String targetLayer, String targetId, boolean containedOnly, Optional<String> kept);
    }

    /** A feature and the links staged for it, none or more; called on one thread, feature after feature. */
    void add(Feature feature, List<FeatureLink> links);

    /** The layer's totals, and every polygon's, twice: of the features it contains and of all linked to it. */
    Tallied totals();
}
