package org.changchun.layout.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The shapes in which {@code /api/layers/{id}/changes} answers in JSON (streamed, in this order). */
final class ChangeViews {

    private ChangeViews() {
    }

    /**
     * The changes between two versions of a layer.
     *
     * @param matchedBy     "id", or the key field features were matched by
     * @param fieldsAdded   fields of the later version the earlier one does not have
     * @param fieldsRemoved fields of the earlier version the later one does not have
     */
    record LayerChanges(String layer, VersionView from, VersionView to, String matchedBy, List<String> fieldsAdded,
                        List<String> fieldsRemoved, List<ChangeView> changes, ChangeTotals totals) {
    }

    /** One of the two versions compared. */
    record VersionView(long version, String state, long featureCount, OffsetDateTime createdAt,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String createdBy) {

        static VersionView of(VersionRecord version) {
            return new VersionView(version.version(), version.state(), version.featureCount(), version.createdAt(),
                    version.createdBy());
        }
    }

    /**
     * One feature that differs.
     *
     * @param change        added, removed or changed
     * @param id            its id in the later version (in the earlier one when removed)
     * @param idBefore      its id in the earlier version, when it differs (features matched by a key)
     * @param key           the key field's value, when features are matched by one
     * @param changedFields the fields both versions have whose values differ
     * @param before        its attributes in the earlier version (not for an added feature)
     * @param after         its attributes in the later version (not for a removed feature)
     * @param geometry      how much its geometry changed; absent for a changed feature whose geometry is the same
     */
    record ChangeView(String change, String id,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String idBefore,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String key,
                      List<String> changedFields,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> before,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> after,
                      @JsonInclude(JsonInclude.Include.NON_NULL) GeometryChange geometry) {

        static ChangeView of(VersionComparisons.MeasuredChange measured) {
            FeatureChange change = measured.change();
            String idBefore = change.idBefore() != null && change.idAfter() != null
                    && !change.idBefore().equals(change.idAfter()) ? change.idBefore() : null;
            return new ChangeView(change.kind().code(), change.id(), idBefore, change.key(), change.changedFields(),
                    change.kind() == ChangeKind.ADDED ? null : change.before(),
                    change.kind() == ChangeKind.REMOVED ? null : change.after(), measured.geometry());
        }
    }

    /** How many features were added, removed and changed, and the area gained and lost in all (m²). */
    record ChangeTotals(long added, long removed, long changed, double areaGainedM2, double areaLostM2) {
    }

    /** Adds up the totals while the changes stream past. */
    static final class Tally {

        private long added;
        private long removed;
        private long changed;
        private double areaGained;
        private double areaLost;

        void add(VersionComparisons.MeasuredChange measured) {
            switch (measured.change().kind()) {
                case ADDED -> added++;
                case REMOVED -> removed++;
                case CHANGED -> changed++;
            }
            GeometryChange geometry = measured.geometry();
            if (geometry != null) {
                areaGained += geometry.areaGainedM2() == null ? 0 : geometry.areaGainedM2();
                areaLost += geometry.areaLostM2() == null ? 0 : geometry.areaLostM2();
            }
        }

        ChangeTotals totals() {
            return new ChangeTotals(added, removed, changed, Math.round(areaGained * 10) / 10.0,
                    Math.round(areaLost * 10) / 10.0);
        }
    }
}
