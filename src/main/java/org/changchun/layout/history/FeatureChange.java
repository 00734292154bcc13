package org.changchun.layout.history;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature that differs between two versions, as the store found it.
 *
 * @param idBefore        its id in the earlier version; null when added
 * @param idAfter         its id in the later version; null when removed
 * @param key             the value of the key field that matched it, as text; null when matched by id
 * @param before          its attributes in the earlier version (empty when added)
 * @param after           its attributes in the later version (empty when removed)
 * @param changedFields   the fields both versions have whose values differ
 * @param geometryChanged whether a changed feature's geometry differs (not merely in vertex order)
 * @param geometryBefore  its earlier geometry, when removed, when its geometry changed, or when asked for
 * @param geometryAfter   its later geometry, likewise
 * @param gained          what the later geometry covers that the earlier did not, for a changed line
 *                        or area; null otherwise
 * @param lost            what the earlier geometry covered that the later does not, likewise
 */
public record FeatureChange(ChangeKind kind, String idBefore, String idAfter, String key,
                            Map<String, Object> before, Map<String, Object> after, List<String> changedFields,
                            boolean geometryChanged, Geometry geometryBefore, Geometry geometryAfter,
                            Geometry gained, Geometry lost) {

    /** Its id in the later version, or in the earlier one when it was removed. */
    public String id() {
        return idAfter != null ? idAfter : idBefore;
    }
}
