package org.changchun.layout.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * Which features of a layer to read, in which order, and which page of them.
 *
 * @param bbox   only features whose geometry intersects this WGS84 lon/lat box
 * @param filter only features for which this holds; {@code null} for all
 * @param sortBy sort order; features with equal keys are ordered by id, so pages are stable
 */
public record FeatureQuery(
        String layerId,
        Optional<Envelope> bbox,
        Filter filter,
        List<SortKey> sortBy,
        int limit,
        long offset) {

    public FeatureQuery {
        Objects.requireNonNull(layerId);
        Objects.requireNonNull(bbox);
        sortBy = List.copyOf(sortBy);
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit and offset must not be negative");
        }
    }

    /** The limit of a query that wants every match. */
    public static final int NO_LIMIT = Integer.MAX_VALUE;

    /** Every feature of a layer, ordered by id. */
    public static FeatureQuery all(String layerId) {
        return new FeatureQuery(layerId, Optional.empty(), null, List.of(), NO_LIMIT, 0);
    }

    /** Whether the query wants every match: its answer is never a full page, so never needs a count. */
    public boolean unlimited() {
        return limit == NO_LIMIT;
    }

    public FeatureQuery withFilter(Filter newFilter) {
        return new FeatureQuery(layerId, bbox, newFilter, sortBy, limit, offset);
    }
}
